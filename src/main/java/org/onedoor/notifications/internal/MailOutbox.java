package org.onedoor.notifications.internal;

import java.util.List;

import org.onedoor.notifications.Notice;
import org.onedoor.shared.PageRequest;
import org.onedoor.shared.ResultPage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The outbox table: mail written by callers in their own transaction and read by the sender and the outbox page. */
@Service
@Transactional
public class MailOutbox {

    private final JdbcClient jdbc;
    private final MailSettings settings;

    MailOutbox(JdbcClient jdbc, MailSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** Adds a pending mail whose body ends with the notice's link as a full address. */
    public void add(String recipient, Notice notice) {
        jdbc.sql("INSERT INTO mail_outbox (recipient, subject, body) VALUES (:recipient, :subject, :body)")
                .param("recipient", recipient)
                .param("subject", notice.subject())
                .param("body", mailBody(notice))
                .update();
    }

    @Transactional(readOnly = true)
    public ResultPage<OutboxMail> list(PageRequest page) {
        long total = jdbc.sql("SELECT count(*) FROM mail_outbox").query(Long.class).single();
        List<OutboxMail> mails = jdbc.sql("""
                        SELECT id, recipient, subject, body, status, attempts, last_error, created_at,
                               next_attempt_at, sent_at
                        FROM mail_outbox
                        ORDER BY created_at DESC, id DESC
                        LIMIT :limit OFFSET :offset""")
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(OutboxMail.class)
                .list();
        return ResultPage.of(mails, page, total);
    }

    @Transactional(readOnly = true)
    public long pendingCount() {
        return jdbc.sql("SELECT count(*) FROM mail_outbox WHERE status = 'PENDING'").query(Long.class).single();
    }

    private String mailBody(Notice notice) {
        StringBuilder body = new StringBuilder(notice.body());
        if (notice.link() != null) {
            if (!body.isEmpty()) {
                body.append("\n\n");
            }
            body.append("Open in OneDoor: ").append(settings.linkBaseUrl()).append(notice.link());
        }
        return body.append("\n").toString();
    }
}
