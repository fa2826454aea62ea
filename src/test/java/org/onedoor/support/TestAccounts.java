package org.onedoor.support;

import org.onedoor.identity.NewUserAccount;
import org.onedoor.identity.Role;
import org.onedoor.identity.UserAccount;
import org.onedoor.identity.UserAccounts;

/**
 * Opens staff accounts with a known password for tests. The first administrator comes from the test
 * properties: {@link #ADMIN_EMAIL} with {@link #ADMIN_PASSWORD}.
 */
public final class TestAccounts {

    public static final String ADMIN_EMAIL = "admin@onedoor.test";
    public static final String ADMIN_PASSWORD = "test-administrator-password";
    public static final String PASSWORD = "correct-horse-battery-staple";

    private TestAccounts() {
    }

    /** Returns the account with this email, opening it with {@link #PASSWORD} when it does not exist yet. */
    public static UserAccount ensure(UserAccounts accounts, String email, Role role, Long partnerId) {
        return accounts.list(null).stream()
                .filter(account -> account.email().equalsIgnoreCase(email))
                .findFirst()
                .orElseGet(() -> accounts.open(new NewUserAccount(email, displayName(email), role, partnerId, PASSWORD)));
    }

    private static String displayName(String email) {
        return email.substring(0, email.indexOf('@')).replace('.', ' ');
    }
}
