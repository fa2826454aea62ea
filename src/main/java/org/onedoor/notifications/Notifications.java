package org.onedoor.notifications;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.onedoor.identity.Role;
import org.onedoor.identity.UserAccount;
import org.onedoor.identity.UserAccounts;
import org.onedoor.notifications.internal.MailOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notifies staff inside OneDoor and by email. Every method joins the caller's transaction, so a notification and
 * its mail are stored exactly when the change they report is committed. Mail goes to an outbox and is sent in
 * the background; without an SMTP server it stays in the outbox for an administrator to read.
 */
@Service
@Transactional
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final MailOutbox outbox;

    Notifications(JdbcClient jdbc, UserAccounts accounts, MailOutbox outbox) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.outbox = outbox;
    }

    /**
     * Notifies each enabled user in OneDoor and by mail to the account's email. Unknown and disabled users are
     * skipped.
     *
     * @return the email addresses written to the outbox, in lower case
     */
    public Set<String> notifyUsers(Collection<Long> userIds, Notice notice) {
        Set<String> mailed = new LinkedHashSet<>();
        for (long userId : new LinkedHashSet<>(userIds)) {
            accounts.find(userId)
                    .filter(UserAccount::enabled)
                    .ifPresent(account -> {
                        addNotification(account.id(), notice);
                        String email = account.email().toLowerCase(Locale.ROOT);
                        if (mailed.add(email)) {
                            outbox.add(email, notice);
                        }
                    });
        }
        return mailed;
    }

    /**
     * Notifies the enabled partner administrators of a partner. When a partner has none, the installation's
     * administrators get the notice instead.
     *
     * @return the email addresses written to the outbox, in lower case
     */
    public Set<String> notifyPartnerAdministrators(long partnerId, Notice notice) {
        List<Long> recipients = enabledIds(accounts.list(partnerId), Role.PARTNER_ADMINISTRATOR);
        if (recipients.isEmpty()) {
            log.info("Partner {} has no enabled partner administrator, so administrators get the notice '{}'",
                    partnerId, notice.subject());
            recipients = enabledIds(accounts.list(null), Role.ADMINISTRATOR);
        }
        return notifyUsers(recipients, notice);
    }

    /**
     * Notifies every enabled account of a partner, staff and partner administrators alike, such as the team that
     * receives a referral.
     *
     * @return the email addresses written to the outbox, in lower case
     */
    public Set<String> notifyPartnerStaff(long partnerId, Notice notice) {
        List<Long> recipients = accounts.list(partnerId).stream()
                .filter(UserAccount::enabled)
                .map(UserAccount::id)
                .toList();
        return notifyUsers(recipients, notice);
    }

    /**
     * Writes a mail to any address to the outbox, for people who may have no OneDoor account. An invalid address,
     * such as one imported from another system, is logged and skipped instead of failing the caller's transaction.
     *
     * @return false when the address is invalid and no mail was written
     */
    public boolean mail(String address, Notice notice) {
        String recipient = address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(recipient).matches()) {
            log.warn("Skipped the mail '{}' because its address '{}' is invalid", notice.subject(), address);
            return false;
        }

        outbox.add(recipient, notice);
        return true;
    }

    @Transactional(readOnly = true)
    public long unreadCount(long userId) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE user_id = :userId AND read_at IS NULL")
                .param("userId", userId)
                .query(Long.class)
                .single();
    }

    private void addNotification(long userId, Notice notice) {
        jdbc.sql("INSERT INTO notification (user_id, subject, body, link) VALUES (:userId, :subject, :body, :link)")
                .param("userId", userId)
                .param("subject", notice.subject())
                .param("body", notice.body())
                .param("link", notice.link())
                .update();
    }

    private static List<Long> enabledIds(List<UserAccount> accounts, Role role) {
        return accounts.stream()
                .filter(account -> account.role() == role && account.enabled())
                .map(UserAccount::id)
                .toList();
    }
}
