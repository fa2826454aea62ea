package org.onedoor.businesses.internal.profile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.onedoor.businesses.BusinessProfile.PartnerFieldValue;
import org.onedoor.businesses.BusinessProfileService.Editor;
import org.onedoor.businesses.internal.fields.PartnerFieldAccess;
import org.onedoor.identity.CurrentUser;
import org.onedoor.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** Writes checked profile changes, each with its history row, in the caller's transaction. */
@Component
class ProfileChanges {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final PartnerFieldAccess partnerFields;

    ProfileChanges(JdbcClient jdbc, JsonMapper json, PartnerFieldAccess partnerFields) {
        this.jdbc = jdbc;
        this.json = json;
        this.partnerFields = partnerFields;
    }

    /** Kind of a planned change. */
    enum Kind { BUSINESS, ESTABLISHMENT, CONTACT, CONTACT_PHONES, ADD_TRADE_NAME, REMOVE_TRADE_NAME, REMOVE_CONTACT }

    /**
     * One planned change.
     *
     * @param column the column changed, from a fixed list, never from input
     * @param historyField the field name in the business history and in the provenance
     * @param oldValue the known value as text, compared with {@code newValue} to skip a re-entered fact
     * @param stored the value to store, typed as its column is
     */
    record Change(Kind kind, long rowId, String column, String historyField, Long establishmentId, Long contactId,
                  String oldValue, String newValue, Object stored, List<ProfileFieldRules.Phone> phones) {

        static Change business(long businessId, String column, Object oldValue, Object newValue) {
            return new Change(Kind.BUSINESS, businessId, column, column, null, null, text(oldValue), text(newValue),
                    newValue, null);
        }

        /** Plans a change to a text array column. The history and provenance keep the items joined with "; ". */
        static Change businessList(long businessId, String column, List<String> oldValue, List<String> newValue) {
            return new Change(Kind.BUSINESS, businessId, column, column, null, null, joined(oldValue), joined(newValue),
                    newValue == null ? null : newValue.toArray(String[]::new), null);
        }

        private static String joined(List<String> items) {
            if (items == null) {
                return null;
            }
            return items.isEmpty() ? "(none)" : String.join("; ", items);
        }

        static Change establishment(long establishmentId, String column, Object oldValue, Object newValue) {
            return new Change(Kind.ESTABLISHMENT, establishmentId, column, "establishment." + column, establishmentId,
                    null, text(oldValue), text(newValue), newValue, null);
        }

        static Change contact(long contactId, String column, String oldValue, String newValue) {
            return new Change(Kind.CONTACT, contactId, column, "contact." + column, null, contactId, oldValue, newValue,
                    newValue, null);
        }

        static Change contactPhones(long contactId, List<String> oldPhones, List<ProfileFieldRules.Phone> phones) {
            String oldValue = oldPhones.isEmpty() ? null : String.join("; ", oldPhones);
            String newValue = phones.isEmpty() ? null
                    : String.join("; ", phones.stream().map(ProfileFieldRules.Phone::entered).toList());
            return new Change(Kind.CONTACT_PHONES, contactId, "phones", "contact.phones", null, contactId, oldValue,
                    newValue, null, phones);
        }

        static Change addTradeName(long businessId, String name, String nameKey) {
            return new Change(Kind.ADD_TRADE_NAME, businessId, null, "trade_name", null, null, null, name, nameKey, null);
        }

        static Change removeTradeName(long businessId, long tradeNameId, String name) {
            return new Change(Kind.REMOVE_TRADE_NAME, tradeNameId, null, "trade_name", null, null, name, null, null, null);
        }

        static Change removeContact(long contactId, String name) {
            return new Change(Kind.REMOVE_CONTACT, contactId, null, "contact", null, contactId, name, null, null, null);
        }

        private static String text(Object value) {
            return value == null ? null : value.toString();
        }
    }

    void lock(long businessId) {
        jdbc.sql("SELECT id FROM business WHERE id = :id FOR UPDATE")
                .param("id", businessId)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> NotFoundException.of("Business", businessId));
    }

    /** Finds another business that has this FEIN. */
    java.util.Optional<Long> businessWithFein(String fein, long exceptBusinessId) {
        return jdbc.sql("SELECT id FROM business WHERE fein = :fein AND id <> :id")
                .param("fein", fein)
                .param("id", exceptBusinessId)
                .query(Long.class)
                .optional();
    }

    /** Keeps the edit as a source record, with its values as text, so each value's provenance can point to it. */
    long addSourceRecord(long businessId, Map<String, Object> patch, Editor editor) {
        Map<String, String> raw = new LinkedHashMap<>();
        flatten("", patch, raw);
        return jdbc.sql("""
                        INSERT INTO business_source_record (business_id, kind, source_name, raw_values, incoming, user_id,
                                                            partner_id)
                        VALUES (:businessId, :kind, :sourceName, CAST(:raw AS jsonb), CAST(:incoming AS jsonb), :userId,
                                :partnerId)
                        RETURNING id
                        """)
                .param("businessId", businessId)
                .param("kind", editor.sourceKind())
                .param("sourceName", editor.sourceName())
                .param("raw", json.writeValueAsString(raw))
                .param("incoming", json.writeValueAsString(patch))
                .param("userId", editor.userId())
                .param("partnerId", editor.partnerId())
                .query(Long.class)
                .single();
    }

    private static void flatten(String prefix, Map<?, ?> object, Map<String, String> raw) {
        object.forEach((key, value) -> {
            String path = prefix + key;
            if (value instanceof Map<?, ?> nested) {
                flatten(path + ".", nested, raw);
            } else if (value instanceof List<?> list) {
                raw.put(path, String.join("; ", list.stream().map(String::valueOf).toList()));
            } else {
                raw.put(path, value == null ? "" : value.toString());
            }
        });
    }

    long addContact(long businessId, Long establishmentId, String name, Editor editor, long sourceRecordId) {
        long id = jdbc.sql("""
                        INSERT INTO business_contact (business_id, establishment_id, name)
                        VALUES (:businessId, :establishmentId, :name)
                        RETURNING id
                        """)
                .param("businessId", businessId)
                .param("establishmentId", establishmentId)
                .param("name", name)
                .query(Long.class)
                .single();
        history(businessId, "contact", "ADDED", null, name, establishmentId, id, editor, sourceRecordId);
        history(businessId, "contact.name", "SET", null, name, null, id, editor, sourceRecordId);
        return id;
    }

    void apply(long businessId, Change change, Editor editor, long sourceRecordId) {
        String action = change.oldValue() == null ? "SET" : "CHANGED";
        switch (change.kind()) {
            case BUSINESS -> {
                update("business", change.column(), change.rowId(), change.stored(), false);
                if ("legal_name".equals(change.column())) {
                    jdbc.sql("UPDATE business SET name_key = :key WHERE id = :id")
                            .param("key", org.onedoor.businesses.internal.BusinessProfiles.nameMatchKey(change.newValue()))
                            .param("id", businessId)
                            .update();
                }
            }
            case ESTABLISHMENT -> update("establishment", change.column(), change.rowId(), change.stored(), true);
            case CONTACT -> update("business_contact", change.column(), change.rowId(), change.stored(), true);
            case CONTACT_PHONES -> jdbc.sql("""
                            UPDATE business_contact
                            SET phones = CAST(:phones AS text[]), phones_e164 = CAST(:e164 AS text[]), updated_at = now()
                            WHERE id = :id
                            """)
                    .param("phones", change.phones().stream().map(ProfileFieldRules.Phone::entered).toArray(String[]::new))
                    .param("e164", change.phones().stream().map(ProfileFieldRules.Phone::e164).toArray(String[]::new))
                    .param("id", change.rowId())
                    .update();
            case ADD_TRADE_NAME -> {
                jdbc.sql("INSERT INTO business_trade_name (business_id, name, name_key) VALUES (:id, :name, :key)")
                        .param("id", businessId)
                        .param("name", change.newValue())
                        .param("key", change.stored())
                        .update();
                action = "ADDED";
            }
            case REMOVE_TRADE_NAME, REMOVE_CONTACT -> action = "REMOVED";
        }

        history(businessId, change.historyField(), action, change.oldValue(), change.newValue(),
                change.establishmentId(), change.contactId(), editor, sourceRecordId);

        if (change.kind() == Kind.REMOVE_TRADE_NAME) {
            jdbc.sql("DELETE FROM business_trade_name WHERE id = :id").param("id", change.rowId()).update();
        } else if (change.kind() == Kind.REMOVE_CONTACT) {
            jdbc.sql("DELETE FROM business_contact WHERE id = :id").param("id", change.rowId()).update();
        }
    }

    void touch(long businessId) {
        jdbc.sql("UPDATE business SET updated_at = now() WHERE id = :id").param("id", businessId).update();
    }

    List<PartnerFieldValue> requiredPartnerFields(long businessId, CurrentUser reader) {
        return partnerFields.missingRequired(businessId, reader);
    }

    private void update(String table, String column, long id, Object value, boolean touchRow) {
        Objects.requireNonNull(column);
        jdbc.sql("UPDATE " + table + " SET " + column + " = :value" + (touchRow ? ", updated_at = now()" : "")
                        + " WHERE id = :id")
                .param("value", value)
                .param("id", id)
                .update();
    }

    private void history(long businessId, String field, String action, String oldValue, String newValue,
                         Long establishmentId, Long contactId, Editor editor, long sourceRecordId) {
        jdbc.sql("""
                        INSERT INTO business_history (business_id, establishment_id, contact_id, field, action, old_value,
                                                      new_value, actor_user_id, partner_id, source_kind, source_record_id)
                        VALUES (:businessId, :establishmentId, :contactId, :field, :action, :oldValue, :newValue, :userId,
                                :partnerId, :sourceKind, :sourceRecordId)
                        """)
                .param("businessId", businessId)
                .param("establishmentId", establishmentId)
                .param("contactId", contactId)
                .param("field", field)
                .param("action", action)
                .param("oldValue", oldValue)
                .param("newValue", newValue)
                .param("userId", editor.userId())
                .param("partnerId", editor.partnerId())
                .param("sourceKind", editor.sourceKind())
                .param("sourceRecordId", sourceRecordId)
                .update();
    }
}
