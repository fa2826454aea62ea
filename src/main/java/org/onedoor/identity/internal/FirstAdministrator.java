package org.onedoor.identity.internal;

import java.security.SecureRandom;

import org.onedoor.identity.NewUserAccount;
import org.onedoor.identity.Role;
import org.onedoor.identity.UserAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Opens the first administrator account on a database without accounts. The email and password come from
 * {@code ONEDOOR_ADMIN_EMAIL} and {@code ONEDOOR_ADMIN_PASSWORD}; without a password, a random one is generated
 * and logged once, because there is no default password.
 */
@Component
class FirstAdministrator implements ApplicationRunner {

    static final String DEFAULT_EMAIL = "admin@onedoor.localhost";

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);
    private static final String PASSWORD_ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final UserAccounts accounts;
    private final String email;
    private final String password;

    FirstAdministrator(UserAccounts accounts,
                       @Value("${onedoor.admin.email:}") String email,
                       @Value("${onedoor.admin.password:}") String password) {
        this.accounts = accounts;
        this.email = StringUtils.hasText(email) ? email.strip() : DEFAULT_EMAIL;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.count() > 0) {
            return;
        }

        boolean generated = !StringUtils.hasText(password);
        String initialPassword = generated ? generatePassword() : password;
        accounts.open(new NewUserAccount(email, "Administrator", Role.ADMINISTRATOR, null, initialPassword));

        if (generated) {
            log.warn("Created the first administrator {} with the generated password {} . It is shown only this once: "
                    + "sign in and change it, or set ONEDOOR_ADMIN_PASSWORD before the first start.", email, initialPassword);
        } else {
            log.info("Created the first administrator {} with the password from ONEDOOR_ADMIN_PASSWORD", email);
        }
    }

    private static String generatePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }
}
