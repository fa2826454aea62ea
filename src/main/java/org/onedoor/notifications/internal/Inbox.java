package org.onedoor.notifications.internal;

import java.time.Instant;
import java.util.List;

import org.onedoor.shared.PageRequest;
import org.onedoor.shared.ResultPage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A user's own notifications: listing them and marking them read. No user reads or changes another's. */
@Service
@Transactional
public class Inbox {

    private final JdbcClient jdbc;

    Inbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A notification as listed to its recipient; {@code readAt} is {@code null} while it is unread. */
    public record Notification(long id, String subject, String body, String link, Instant createdAt,
                               Instant readAt) {

        public boolean unread() {
            return readAt == null;
        }
    }

    /** Lists the user's notifications, unread first, then newest first. */
    @Transactional(readOnly = true)
    public ResultPage<Notification> list(long userId, PageRequest page) {
        long total = jdbc.sql("SELECT count(*) FROM notification WHERE user_id = :userId")
                .param("userId", userId)
                .query(Long.class)
                .single();
        List<Notification> items = jdbc.sql("""
                        SELECT id, subject, body, link, created_at, read_at
                        FROM notification
                        WHERE user_id = :userId
                        ORDER BY read_at IS NOT NULL, created_at DESC, id DESC
                        LIMIT :limit OFFSET :offset""")
                .param("userId", userId)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(Notification.class)
                .list();
        return ResultPage.of(items, page, total);
    }

    /** Marks one of the user's notifications read and returns false when the user has no such notification. */
    public boolean markRead(long userId, long notificationId) {
        return jdbc.sql("""
                        UPDATE notification SET read_at = coalesce(read_at, now())
                        WHERE id = :id AND user_id = :userId""")
                .param("id", notificationId)
                .param("userId", userId)
                .update() == 1;
    }

    /** Marks all of the user's notifications read and returns how many were unread. */
    public int markAllRead(long userId) {
        return jdbc.sql("UPDATE notification SET read_at = now() WHERE user_id = :userId AND read_at IS NULL")
                .param("userId", userId)
                .update();
    }
}
