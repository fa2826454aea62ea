package org.onedoor.engagement.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.onedoor.engagement.ContactEntry;
import org.onedoor.engagement.ContactKind;
import org.onedoor.engagement.ContactPurpose;
import org.onedoor.engagement.ContactStatus;
import org.onedoor.identity.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes contact log rows. Every read takes the reader, and a row's partner note is returned only to
 * staff of the partner that wrote it, the way partner-only fields of the shared profile are.
 */
@Repository
public class ContactLog {

    private final JdbcClient jdbc;

    ContactLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The values of a new row, already checked. */
    record Row(long businessId, long partnerId, Long officeId, long staffUserId, ContactKind kind,
               ContactPurpose purpose, ContactStatus status, String summary, Long contactPersonId,
               Instant occurredAt, String timeZone, String partnerNote, Long campaignId, String overrideReason,
               long createdBy) {
    }

    long insert(Row row) {
        return jdbc.sql("""
                        INSERT INTO contact_log (business_id, partner_id, office_id, staff_user_id, kind, purpose,
                                                 status, summary, contact_person_id, occurred_at, time_zone,
                                                 partner_note, campaign_id, override_reason, created_by)
                        VALUES (:businessId, :partnerId, :officeId, :staffUserId, :kind, :purpose, :status, :summary,
                                :contactPersonId, :occurredAt, :timeZone, :partnerNote, :campaignId, :overrideReason,
                                :createdBy)
                        RETURNING id""")
                .param("businessId", row.businessId())
                .param("partnerId", row.partnerId())
                .param("officeId", row.officeId())
                .param("staffUserId", row.staffUserId())
                .param("kind", row.kind().name())
                .param("purpose", row.purpose().name())
                .param("status", row.status().name())
                .param("summary", row.summary())
                .param("contactPersonId", row.contactPersonId())
                .param("occurredAt", java.sql.Timestamp.from(row.occurredAt()))
                .param("timeZone", row.timeZone())
                .param("partnerNote", row.partnerNote())
                .param("campaignId", row.campaignId())
                .param("overrideReason", row.overrideReason())
                .param("createdBy", row.createdBy())
                .query(Long.class)
                .single();
    }

    public Optional<ContactEntry> find(long id, CurrentUser reader) {
        return jdbc.sql(SELECT + " WHERE c.id = :id")
                .param("id", id)
                .param("readerPartnerId", readerPartner(reader))
                .query(ContactLog::map)
                .optional();
    }

    /** Lists a business's contacts, newest first, at most {@code limit}. */
    public List<ContactEntry> forBusiness(long businessId, CurrentUser reader, int limit) {
        return jdbc.sql(SELECT + " WHERE c.business_id = :businessId ORDER BY c.occurred_at DESC, c.id DESC LIMIT :limit")
                .param("businessId", businessId)
                .param("readerPartnerId", readerPartner(reader))
                .param("limit", limit)
                .query(ContactLog::map)
                .list();
    }

    // NOTE: need_offer belongs to the demand module. It is read here in SQL, because paging the done contacts by
    // calling Demand.offersAtContact once per contact would not scale to a partner's whole log.
    private static final String WITHOUT_OFFER = """

             WHERE c.partner_id = :partnerId AND c.status = 'DONE'
               AND NOT EXISTS (SELECT 1 FROM need_offer o WHERE o.contact_id = c.id)
            """;

    /** Lists one page of a partner's done contacts that have neither an offer nor a "no offer" reason, oldest first. */
    public List<ContactEntry> withoutOffer(long partnerId, CurrentUser reader, long offset, int limit) {
        return jdbc.sql(SELECT + WITHOUT_OFFER + " ORDER BY c.occurred_at, c.id LIMIT :limit OFFSET :offset")
                .param("partnerId", partnerId)
                .param("readerPartnerId", readerPartner(reader))
                .param("limit", limit)
                .param("offset", offset)
                .query(ContactLog::map)
                .list();
    }

    /** Counts a partner's done contacts that have neither an offer nor a "no offer" reason. */
    public long countWithoutOffer(long partnerId) {
        return jdbc.sql("SELECT count(*) FROM contact_log c" + WITHOUT_OFFER)
                .param("partnerId", partnerId)
                .query(Long.class)
                .single();
    }

    /** Lists a business's done and planned contacts between two instants, oldest first. */
    public List<ContactEntry> inWindow(long businessId, Instant from, Instant to, CurrentUser reader) {
        return jdbc.sql(SELECT + """
                         WHERE c.business_id = :businessId AND c.status <> 'CANCELLED'
                           AND c.occurred_at BETWEEN :from AND :to
                        ORDER BY c.occurred_at, c.id""")
                .param("businessId", businessId)
                .param("from", java.sql.Timestamp.from(from))
                .param("to", java.sql.Timestamp.from(to))
                .param("readerPartnerId", readerPartner(reader))
                .query(ContactLog::map)
                .list();
    }

    /** Lists the planned contacts of one staff member due before {@code until}, overdue ones included, oldest first. */
    public List<ContactEntry> plannedBy(long userId, Instant until, CurrentUser reader) {
        return jdbc.sql(SELECT + """
                         WHERE c.staff_user_id = :userId AND c.status = 'PLANNED' AND c.occurred_at < :until
                        ORDER BY c.occurred_at, c.id LIMIT 200""")
                .param("userId", userId)
                .param("until", java.sql.Timestamp.from(until))
                .param("readerPartnerId", readerPartner(reader))
                .query(ContactLog::map)
                .list();
    }

    /** Lists contacts by partners other than the reader's with these businesses since {@code since}, newest first. */
    public List<ContactEntry> byOtherPartners(Collection<Long> businessIds, Instant since, CurrentUser reader) {
        if (businessIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + """
                         WHERE c.business_id IN (:businessIds) AND c.status <> 'CANCELLED'
                           AND c.partner_id IS DISTINCT FROM CAST(:readerPartnerId AS bigint)
                           AND c.created_at >= :since
                        ORDER BY c.occurred_at DESC, c.id DESC LIMIT 200""")
                .param("businessIds", List.copyOf(businessIds))
                .param("since", java.sql.Timestamp.from(since))
                .param("readerPartnerId", readerPartner(reader))
                .query(ContactLog::map)
                .list();
    }

    void appendToSummary(long id, String text) {
        jdbc.sql("UPDATE contact_log SET summary = summary || :text, updated_at = now() WHERE id = :id")
                .param("id", id)
                .param("text", text)
                .update();
    }

    void changeStatus(long id, ContactStatus status) {
        jdbc.sql("UPDATE contact_log SET status = :status, updated_at = now() WHERE id = :id")
                .param("id", id)
                .param("status", status.name())
                .update();
    }

    /** Returns -1 for a reader without a partner, so no partner note matches. */
    private static long readerPartner(CurrentUser reader) {
        return reader == null || reader.partnerId() == null ? -1 : reader.partnerId();
    }

    private static final String SELECT = """
            SELECT c.id, c.business_id, b.legal_name, c.partner_id, p.name AS partner_name, c.office_id,
                   c.staff_user_id, u.display_name AS staff_name, c.kind, c.purpose, c.status, c.summary,
                   c.contact_person_id, bc.name AS contact_person_name, c.occurred_at, c.time_zone,
                   CASE WHEN c.partner_id = :readerPartnerId THEN c.partner_note END AS partner_note,
                   c.campaign_id, c.override_reason, c.created_at
            FROM contact_log c
            JOIN business b ON b.id = c.business_id
            JOIN partner p ON p.id = c.partner_id
            JOIN app_user u ON u.id = c.staff_user_id
            LEFT JOIN business_contact bc ON bc.id = c.contact_person_id""";

    private static ContactEntry map(ResultSet row, int rowNumber) throws SQLException {
        return new ContactEntry(row.getLong("id"), row.getLong("business_id"), row.getString("legal_name"),
                row.getLong("partner_id"), row.getString("partner_name"), row.getObject("office_id", Long.class),
                row.getLong("staff_user_id"), row.getString("staff_name"), ContactKind.valueOf(row.getString("kind")),
                ContactPurpose.valueOf(row.getString("purpose")), ContactStatus.valueOf(row.getString("status")),
                row.getString("summary"), row.getObject("contact_person_id", Long.class),
                row.getString("contact_person_name"), row.getTimestamp("occurred_at").toInstant(),
                row.getString("time_zone"), row.getString("partner_note"), row.getObject("campaign_id", Long.class),
                row.getString("override_reason"), row.getTimestamp("created_at").toInstant());
    }
}
