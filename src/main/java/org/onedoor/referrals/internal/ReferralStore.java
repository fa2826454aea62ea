package org.onedoor.referrals.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.onedoor.referrals.Referral;
import org.onedoor.referrals.ReferralStatus;
import org.onedoor.referrals.StatusChange;
import org.onedoor.shared.PageRequest;
import org.onedoor.shared.ResultPage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads referrals with the names of everything they refer to, and their timelines. */
@Repository
public class ReferralStore {

    private static final String SELECT = """
            SELECT r.*, b.legal_name AS business_name, s.name AS service_name, c.name AS category_name,
                   sp.name AS sending_partner_name, su.display_name AS sender_name,
                   rp.name AS receiving_partner_name, o.name AS receiving_office_name,
                   o.time_zone AS receiving_office_time_zone, ru.display_name AS receiving_user_name
            FROM referral r
            JOIN business b ON b.id = r.business_id
            JOIN service s ON s.id = r.service_id
            JOIN employer_service_category c ON c.code = r.category_code
            JOIN partner sp ON sp.id = r.sending_partner_id
            JOIN app_user su ON su.id = r.sender_user_id
            JOIN partner rp ON rp.id = r.receiving_partner_id
            JOIN office o ON o.id = r.receiving_office_id
            LEFT JOIN app_user ru ON ru.id = r.receiving_user_id
            """;

    private final JdbcClient jdbc;

    ReferralStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Referral> find(long id) {
        return jdbc.sql(SELECT + " WHERE r.id = :id")
                .param("id", id)
                .query(ReferralStore::map)
                .optional();
    }

    public List<StatusChange> history(long referralId) {
        return jdbc.sql("""
                        SELECT h.*, u.display_name FROM referral_status_change h
                        LEFT JOIN app_user u ON u.id = h.changed_by
                        WHERE h.referral_id = :id ORDER BY h.id""")
                .param("id", referralId)
                .query((rs, row) -> {
                    ReferralStatus to = ReferralStatus.valueOf(rs.getString("to_status"));
                    String reasonCode = rs.getString("reason_code");
                    String from = rs.getString("from_status");
                    Long changedBy = nullableLong(rs, "changed_by");
                    return new StatusChange(rs.getLong("id"), from == null ? null : ReferralStatus.valueOf(from), to,
                            reasonCode, reasonCode == null ? null : StatusFlow.reasonLabel(to, reasonCode)
                                    .orElse("first_contact".equals(reasonCode) ? "First contact recorded" : reasonCode),
                            rs.getString("reason_text"), rs.getString("outcome"),
                            changedBy,
                            rs.getString("display_name") == null ? "OneDoor" : rs.getString("display_name"),
                            instant(rs.getTimestamp("changed_at")));
                })
                .list();
    }

    /** Lists the open referrals sent to a partner, oldest first, so nothing waits unseen at the bottom. */
    public List<Referral> openReceivedBy(long partnerId) {
        return jdbc.sql(SELECT + " WHERE r.receiving_partner_id = :partner AND r.closed_at IS NULL ORDER BY r.sent_at, r.id")
                .param("partner", partnerId)
                .query(ReferralStore::map)
                .list();
    }

    /** Lists the open referrals a partner sent: those awaiting a response first, then the rest, oldest first. */
    public List<Referral> openSentBy(long partnerId) {
        return jdbc.sql(SELECT + """
                         WHERE r.sending_partner_id = :partner AND r.closed_at IS NULL
                        ORDER BY r.status NOT IN ('REQUESTED', 'RECEIVED'), r.sent_at, r.id""")
                .param("partner", partnerId)
                .query(ReferralStore::map)
                .list();
    }

    /** Lists every referral of a business, open or closed, newest first. */
    /** Lists the open referrals of the businesses, oldest first. */
    public List<Referral> openOfBusinesses(Collection<Long> businessIds) {
        if (businessIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + """
                         WHERE r.business_id IN (:businesses) AND r.closed_at IS NULL
                        ORDER BY r.sent_at, r.id""")
                .param("businesses", businessIds)
                .query(ReferralStore::map)
                .list();
    }

    public List<Referral> ofBusiness(long businessId) {
        return jdbc.sql(SELECT + " WHERE r.business_id = :business ORDER BY r.sent_at DESC, r.id DESC")
                .param("business", businessId)
                .query(ReferralStore::map)
                .list();
    }

    /**
     * Searches every referral, closed ones included, newest first.
     *
     * @param query words matched, folded, against the business, service and both partners' names; blank for all
     * @param status a status to keep, or {@code null} for all
     */
    public ResultPage<Referral> search(String query, ReferralStatus status, PageRequest page) {
        String where = """
                 WHERE (CAST(:query AS text) IS NULL
                        OR strpos(fold_text(b.legal_name || ' ' || s.name || ' ' || sp.name || ' ' || rp.name),
                                  fold_text(CAST(:query AS text))) > 0
                        OR CAST(r.id AS text) = CAST(:query AS text))
                   AND (CAST(:status AS text) IS NULL OR r.status = :status)
                """;
        String text = query == null || query.isBlank() ? null : query.strip();
        String statusName = status == null ? null : status.name();
        long total = jdbc.sql("SELECT count(*) FROM (" + SELECT + where + ") counted")
                .param("query", text)
                .param("status", statusName)
                .query(Long.class)
                .single();
        List<Referral> items = jdbc.sql(SELECT + where + " ORDER BY r.sent_at DESC, r.id DESC LIMIT :limit OFFSET :offset")
                .param("query", text)
                .param("status", statusName)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(ReferralStore::map)
                .list();
        return ResultPage.of(items, page, total);
    }

    static Referral map(ResultSet rs, int row) throws SQLException {
        Date expected = rs.getDate("expected_first_contact_date");
        return new Referral(rs.getLong("id"), rs.getLong("business_id"), rs.getString("business_name"),
                rs.getLong("service_id"), rs.getString("service_name"), rs.getString("category_code"),
                rs.getString("category_name"), rs.getString("need_code"), rs.getLong("sending_partner_id"),
                rs.getString("sending_partner_name"), rs.getLong("sender_user_id"), rs.getString("sender_name"),
                rs.getLong("receiving_partner_id"), rs.getString("receiving_partner_name"),
                rs.getLong("receiving_office_id"), rs.getString("receiving_office_name"),
                rs.getString("receiving_office_time_zone"), nullableLong(rs, "receiving_user_id"),
                rs.getString("receiving_user_name"), rs.getString("contact_name"), rs.getString("contact_method"),
                rs.getString("contact_detail"), instant(rs.getTimestamp("consent_given_at")),
                rs.getString("hand_off_note"), expected == null ? null : expected.toLocalDate(),
                nullableLong(rs, "handed_off_from_id"), ReferralStatus.valueOf(rs.getString("status")),
                rs.getString("capacity_state"), rs.getString("reason_code"), rs.getString("reason_text"),
                rs.getString("outcome"), instant(rs.getTimestamp("first_contact_at")),
                instant(rs.getTimestamp("sent_at")), instant(rs.getTimestamp("status_changed_at")),
                instant(rs.getTimestamp("closed_at")), true);
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
