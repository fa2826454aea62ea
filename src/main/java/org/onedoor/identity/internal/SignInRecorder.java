package org.onedoor.identity.internal;

import org.onedoor.identity.UserAccounts;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Stores when each user last signed in through the sign-in form. */
@Component
class SignInRecorder {

    private final UserAccounts accounts;

    SignInRecorder(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @EventListener
    void recordSignIn(InteractiveAuthenticationSuccessEvent event) {
        accounts.recordSignIn(event.getAuthentication().getName());
    }
}
