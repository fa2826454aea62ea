package org.onedoor.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens, lists and changes staff accounts. Passwords are stored only as hashes.
 */
@Service
public class UserAccounts {

    /** Shortest password accepted, following NIST SP 800-63B's advice to favour length over composition rules. */
    public static final int MIN_PASSWORD_LENGTH = 12;

    private static final Logger log = LoggerFactory.getLogger(UserAccounts.class);

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;

    UserAccounts(JdbcClient jdbc, PasswordEncoder passwordEncoder) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
    }

    /**
     * Opens an account.
     *
     * @throws UserAccountException when a field is invalid or the email is already used
     */
    @Transactional
    public UserAccount open(NewUserAccount account) {
        String email = account.email() == null ? "" : account.email().strip().toLowerCase(Locale.ROOT);
        if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new UserAccountException("email", "Email '" + account.email() + "' is invalid. Enter an address such as name@agency.gov.");
        }
        String displayName = account.displayName() == null ? "" : account.displayName().strip();
        if (displayName.isEmpty()) {
            throw new UserAccountException("displayName", "Name is missing. Enter the person's full name.");
        }
        if (account.role() == null) {
            throw new UserAccountException("role", "Role is missing. Choose administrator, partner administrator or staff.");
        }
        if (account.role() != Role.ADMINISTRATOR && account.partnerId() == null) {
            throw new UserAccountException("partnerId", "Partner is missing. Every partner administrator and staff member belongs to one partner.");
        }
        checkPassword(account.password());
        checkOffice(account.officeId(), account.partnerId());

        long id;
        try {
            id = jdbc.sql("""
                            INSERT INTO app_user (email, display_name, password_hash, role, partner_id, office_id)
                            VALUES (:email, :displayName, :hash, :role, :partnerId, :officeId)
                            RETURNING id""")
                    .param("email", email)
                    .param("displayName", displayName)
                    .param("hash", passwordEncoder.encode(account.password()))
                    .param("role", account.role().name())
                    .param("partnerId", account.partnerId())
                    .param("officeId", account.officeId())
                    .query(Long.class)
                    .single();
        } catch (DuplicateKeyException e) {
            throw new UserAccountException("email", "Email '" + email + "' already has an account. Use another address.");
        }

        log.info("Opened {} account {} for partner {}", account.role(), id, account.partnerId());
        return find(id).orElseThrow();
    }

    /**
     * Replaces a user's password.
     *
     * @throws UserAccountException when the new password is too short
     */
    @Transactional
    public void changePassword(long userId, String newPassword) {
        checkPassword(newPassword);

        int updated = jdbc.sql("UPDATE app_user SET password_hash = :hash WHERE id = :id")
                .param("hash", passwordEncoder.encode(newPassword))
                .param("id", userId)
                .update();
        if (updated == 0) {
            throw new UserAccountException("id", "User " + userId + " was not found.");
        }

        log.info("Changed the password of user {}", userId);
    }

    /**
     * Sets the office a user works from, or clears it with {@code null}.
     *
     * @throws UserAccountException when the user is unknown or the office is not one of the user's partner
     */
    @Transactional
    public void changeOffice(long userId, Long officeId) {
        UserAccount account = find(userId)
                .orElseThrow(() -> new UserAccountException("userId", "User " + userId + " was not found. Choose a user from the list."));
        checkOffice(officeId, account.partnerId());

        jdbc.sql("UPDATE app_user SET office_id = :officeId WHERE id = :id")
                .param("officeId", officeId)
                .param("id", userId)
                .update();
        log.info("Set the office of user {} to {}", userId, officeId);
    }

    /** Checks that an office exists and, for a user of a partner, belongs to that partner. */
    private void checkOffice(Long officeId, Long partnerId) {
        if (officeId == null) {
            return;
        }
        Long officePartner = jdbc.sql("SELECT partner_id FROM office WHERE id = :id")
                .param("id", officeId)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new UserAccountException("officeId", "Office " + officeId + " was not found. Choose an office from the list."));
        if (partnerId != null && !partnerId.equals(officePartner)) {
            throw new UserAccountException("officeId", "Office " + officeId + " is not an office of the person's partner. "
                    + "Choose one of that partner's offices, or none.");
        }
    }

    public boolean passwordMatches(long userId, String password) {
        return jdbc.sql("SELECT password_hash FROM app_user WHERE id = :id")
                .param("id", userId)
                .query(String.class)
                .optional()
                .map(hash -> passwordEncoder.matches(password, hash))
                .orElse(false);
    }

    public Optional<UserAccount> find(long id) {
        return jdbc.sql(SELECT_ACCOUNT + " WHERE id = :id").param("id", id).query(UserAccounts::mapAccount).optional();
    }

    /** Lists the accounts of one partner, or every account when {@code partnerId} is {@code null}. */
    public List<UserAccount> list(Long partnerId) {
        return jdbc.sql(SELECT_ACCOUNT + " WHERE (CAST(:partnerId AS bigint) IS NULL OR partner_id = :partnerId) ORDER BY lower(display_name)")
                .param("partnerId", partnerId)
                .query(UserAccounts::mapAccount)
                .list();
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single();
    }

    /** Stores the time of a user's latest interactive sign-in. */
    public void recordSignIn(String email) {
        jdbc.sql("UPDATE app_user SET last_sign_in_at = now() WHERE lower(email) = lower(:email)").param("email", email).update();
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new UserAccountException("password", "Password is too short. Use at least " + MIN_PASSWORD_LENGTH
                    + " characters; a passphrase of several words works well.");
        }
    }

    private static final String SELECT_ACCOUNT = """
            SELECT id, email, display_name, role, partner_id, enabled, created_at, last_sign_in_at, office_id FROM app_user""";

    private static UserAccount mapAccount(ResultSet row, int rowNumber) throws SQLException {
        return new UserAccount(
                row.getLong("id"),
                row.getString("email"),
                row.getString("display_name"),
                Role.valueOf(row.getString("role")),
                row.getObject("partner_id", Long.class),
                row.getBoolean("enabled"),
                row.getTimestamp("created_at").toInstant(),
                toInstant(row.getTimestamp("last_sign_in_at")),
                row.getObject("office_id", Long.class));
    }

    private static Instant toInstant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
