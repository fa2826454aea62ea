package org.onedoor.businesses.internal.fields;

import java.util.ArrayList;
import java.util.List;

import org.onedoor.businesses.BusinessProfile.HistoryEntry;
import org.onedoor.businesses.BusinessProfile.PartnerFieldValue;
import org.onedoor.businesses.PartnerFields.Definition;
import org.onedoor.identity.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Decides which users may read and change partner field values, reads the visible values for a profile and records
 * every read of a confidential value. Anyone may read and change a shared field. Only the owning partner's staff may
 * read and change a partner-only or confidential field, so administrators of another partner or of no partner do not
 * get its values.
 */
@Component
public class PartnerFieldAccess {

    private final JdbcClient jdbc;

    PartnerFieldAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean canSee(Definition field, CurrentUser user) {
        return canSee(field.visibility(), field.partnerId(), user);
    }

    boolean canEdit(Definition field, CurrentUser user) {
        return canSee(field, user);
    }

    private static boolean canSee(String visibility, long ownerPartnerId, CurrentUser user) {
        return "SHARED".equals(visibility)
                || (user != null && user.partnerId() != null && user.partnerId() == ownerPartnerId);
    }

    /**
     * Returns every field the reader may see with the business's value, and records a read for each confidential
     * value returned. Without a reader, returns nothing.
     */
    public List<PartnerFieldValue> visibleValues(long businessId, CurrentUser reader, String path) {
        if (reader == null) {
            return List.of();
        }
        List<PartnerFieldValue> values = jdbc.sql("""
                        SELECT f.id, f.name, f.field_type, f.visibility, f.partner_id, p.name AS partner_name, f.required,
                               f.choices, v.value, v.user_id, u.display_name, v.partner_id AS value_partner_id,
                               vp.name AS value_partner_name, v.collected_at, v.source_kind
                        FROM partner_field f
                        JOIN partner p ON p.id = f.partner_id
                        LEFT JOIN partner_field_value v ON v.field_id = f.id AND v.business_id = :businessId
                        LEFT JOIN app_user u ON u.id = v.user_id
                        LEFT JOIN partner vp ON vp.id = v.partner_id
                        WHERE f.visibility = 'SHARED' OR f.partner_id = :partnerId
                        ORDER BY f.visibility = 'SHARED', p.name, fold_text(f.name), f.id
                        """)
                .param("businessId", businessId)
                .param("partnerId", reader.partnerId())
                .query((rs, row) -> new PartnerFieldValue(rs.getLong("id"), rs.getString("name"),
                        rs.getString("field_type"), rs.getString("visibility"), rs.getLong("partner_id"),
                        rs.getString("partner_name"), rs.getBoolean("required"),
                        PartnerFieldService.strings(rs.getArray("choices")), rs.getString("value"),
                        (Long) rs.getObject("user_id"), rs.getString("display_name"),
                        (Long) rs.getObject("value_partner_id"), rs.getString("value_partner_name"),
                        rs.getTimestamp("collected_at") == null ? null : rs.getTimestamp("collected_at").toInstant(),
                        rs.getString("source_kind"), true))
                .list();
        values.stream()
                .filter(value -> "CONFIDENTIAL".equals(value.visibility()) && value.value() != null)
                .forEach(value -> recordRead(reader, businessId, value.fieldId(), path));
        return values;
    }

    /** Lists the required fields the reader may see that have no value for the business; reads no values. */
    public List<PartnerFieldValue> missingRequired(long businessId, CurrentUser reader) {
        return jdbc.sql("""
                        SELECT f.id, f.name, f.field_type, f.visibility, f.partner_id, p.name AS partner_name, f.choices
                        FROM partner_field f
                        JOIN partner p ON p.id = f.partner_id
                        WHERE f.required
                          AND (f.visibility = 'SHARED' OR f.partner_id = :partnerId)
                          AND NOT EXISTS (SELECT 1 FROM partner_field_value v
                                          WHERE v.field_id = f.id AND v.business_id = :businessId)
                        ORDER BY p.name, fold_text(f.name), f.id
                        """)
                .param("businessId", businessId)
                .param("partnerId", reader.partnerId())
                .query((rs, row) -> new PartnerFieldValue(rs.getLong("id"), rs.getString("name"),
                        rs.getString("field_type"), rs.getString("visibility"), rs.getLong("partner_id"),
                        rs.getString("partner_name"), true, PartnerFieldService.strings(rs.getArray("choices")), null,
                        null, null, null, null, null, null, true))
                .list();
    }

    /**
     * Keeps the history rows the reader may see: partner field changes only for visible fields, with each confidential
     * change that is kept recorded as a read. Fills in the field's name as the label.
     */
    public List<HistoryEntry> visibleHistory(long businessId, List<HistoryEntry> history, CurrentUser reader,
                                             String path) {
        List<HistoryEntry> kept = new ArrayList<>();
        java.util.Map<Long, Definition> fields = new java.util.HashMap<>();
        for (HistoryEntry entry : history) {
            if (entry.partnerFieldId() == null) {
                kept.add(entry);
                continue;
            }
            Definition field = fields.computeIfAbsent(entry.partnerFieldId(), id -> jdbc.sql(
                            PartnerFieldService.DEFINITION_SQL + " WHERE f.id = :id")
                    .param("id", id)
                    .query(PartnerFieldService::definition)
                    .single());
            if (reader == null || !canSee(field, reader)) {
                continue;
            }
            if ("CONFIDENTIAL".equals(field.visibility())) {
                recordRead(reader, businessId, field.id(), path + " (history)");
            }
            kept.add(new HistoryEntry(entry.id(), entry.field(), entry.action(), entry.oldValue(), entry.newValue(),
                    entry.establishmentId(), entry.userId(), entry.userName(), entry.partnerId(), entry.partnerName(),
                    entry.sourceKind(), entry.sourceRecordId(), entry.sourceText(), entry.changedAt(),
                    entry.contactId(), entry.partnerFieldId(), field.name() + " (" + field.partnerName() + ")"));
        }
        return kept;
    }

    private void recordRead(CurrentUser reader, long businessId, long fieldId, String path) {
        jdbc.sql("""
                        INSERT INTO partner_field_read (user_id, partner_id, business_id, field_id, path)
                        VALUES (:userId, :partnerId, :businessId, :fieldId, :path)
                        """)
                .param("userId", reader.id())
                .param("partnerId", reader.partnerId())
                .param("businessId", businessId)
                .param("fieldId", fieldId)
                .param("path", path)
                .update();
    }
}
