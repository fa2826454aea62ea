package org.onedoor.businesses.internal.merge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.onedoor.businesses.internal.MatchKeys;
import org.onedoor.businesses.internal.merge.RowSnapshots.Reference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Joins two contacts that are the same person when their businesses merge. Two contacts are the same person when
 * they have the same folded email address, or the same folded name and a shared E.164 phone number. Role mailboxes
 * such as {@code info@} and generic names such as "HR Department" never count, because different people share them.
 *
 * <p>The kept contact keeps its own values and takes the joined contact's values only where it has none. Phone
 * numbers are united. Each value of the joined contact that is not kept goes into the history as a CONFLICT row.
 * Provenance, history and every other row that names the joined contact then name the kept contact, and the joined
 * contact is deleted. The returned log lets {@link MergeUndoService} restore both contacts.
 */
@Component
public class ContactJoiner {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Single-valued contact columns, in the order their history rows are written. */
    private static final List<String> VALUE_COLUMNS = List.of("name", "role", "email", "preferred_method");

    /** Tables whose contact_id the joiner updates itself, so the generic update of other references skips them. */
    private static final Set<String> HANDLED_TABLES = Set.of("business_fact", "business_history");

    private final JdbcClient jdbc;
    private final RowSnapshots snapshots;

    ContactJoiner(JdbcClient jdbc, RowSnapshots snapshots) {
        this.jdbc = jdbc;
        this.snapshots = snapshots;
    }

    /** Two contacts, one of each business, that a merge joins into the kept one, and why. */
    public record ContactPair(long keptId, String keptName, String keptEmail, long joinedId, String joinedName,
                              String joinedEmail, String reason) {
    }

    /**
     * Finds the contact pairs a merge of {@code otherId} into {@code survivorId} would join. Each contact of the other
     * business joins at most one contact of the survivor, the one with the lowest id among those that match.
     */
    public List<ContactPair> findPairs(long survivorId, long otherId) {
        List<ContactPair> pairs = new ArrayList<>();
        Set<Long> paired = new LinkedHashSet<>();
        jdbc.sql("""
                        SELECT k.id AS kept_id, k.name AS kept_name, k.email AS kept_email,
                               j.id AS joined_id, j.name AS joined_name, j.email AS joined_email,
                               lower(btrim(k.email)) = lower(btrim(j.email)) AS same_email,
                               fold_text(k.name) = fold_text(j.name) AS same_name,
                               k.phones_e164 && j.phones_e164 AS shared_phone
                        FROM business_contact k
                        JOIN business_contact j ON j.business_id = :otherId
                        WHERE k.business_id = :survivorId
                        ORDER BY j.id, k.id
                        """)
                .param("survivorId", survivorId)
                .param("otherId", otherId)
                .query((rs, row) -> {
                    String reason = reason(rs.getString("kept_name"), rs.getString("kept_email"),
                            rs.getBoolean("same_email"), rs.getBoolean("same_name"), rs.getBoolean("shared_phone"));
                    return reason == null ? null : new ContactPair(rs.getLong("kept_id"), rs.getString("kept_name"),
                            rs.getString("kept_email"), rs.getLong("joined_id"), rs.getString("joined_name"),
                            rs.getString("joined_email"), reason);
                })
                .list()
                .stream()
                .filter(Objects::nonNull)
                .forEach(pair -> {
                    if (paired.add(pair.joinedId())) {
                        pairs.add(pair);
                    }
                });
        return pairs;
    }

    private static String reason(String keptName, String keptEmail, boolean sameEmail, boolean sameName,
                                 boolean sharedPhone) {
        if (sameEmail && !MatchKeys.isRoleMailbox(keptEmail)) {
            return "Same email address";
        }
        if (sameName && sharedPhone && !MatchKeys.isGenericContact(keptName)) {
            return "Same name and phone number";
        }
        return null;
    }

    /**
     * Joins every pair except those whose joined contact id is in {@code keptSeparate}. Runs inside the merge's
     * transaction after every row of the other business, provenance included, has moved to the survivor.
     *
     * @param deletedFacts receives each provenance row deleted, with the business it belonged to before the merge
     * @return one log entry per joined pair, for undo
     */
    List<Map<String, Object>> join(long survivorId, long otherId, Set<Long> keptSeparate, long userId, long mergeId,
                                   List<ContactPair> pairs, List<Object> deletedFacts) {
        List<Map<String, Object>> log = new ArrayList<>();
        for (ContactPair pair : pairs) {
            if (!keptSeparate.contains(pair.joinedId())) {
                log.add(joinPair(survivorId, otherId, pair, userId, mergeId, deletedFacts));
            }
        }
        return log;
    }

    private Map<String, Object> joinPair(long survivorId, long otherId, ContactPair pair, long userId, long mergeId,
                                         List<Object> deletedFacts) {
        long keptId = pair.keptId();
        long joinedId = pair.joinedId();
        JsonNode kept = row(keptId);
        JsonNode joined = row(joinedId);

        Set<String> filledFields = new LinkedHashSet<>();
        for (String column : VALUE_COLUMNS) {
            String keptValue = text(kept.get(column));
            String joinedValue = text(joined.get(column));
            if (keptValue == null && joinedValue != null) {
                updateColumn(keptId, column, joinedValue);
                history(survivorId, keptId, "contact." + column, "SET", null, joinedValue, userId, mergeId);
                filledFields.add("contact." + column);
            } else if (joinedValue != null && !joinedValue.equals(keptValue)) {
                history(survivorId, keptId, "contact." + column, "CONFLICT", keptValue, joinedValue, userId, mergeId);
            }
        }
        if (kept.get("establishment_id").isNull() && !joined.get("establishment_id").isNull()) {
            jdbc.sql("UPDATE business_contact SET establishment_id = :establishmentId WHERE id = :id")
                    .param("establishmentId", joined.get("establishment_id").asLong())
                    .param("id", keptId)
                    .update();
        }
        boolean phonesChanged = unitePhones(survivorId, otherId, kept, joined, userId, mergeId, deletedFacts);

        // The joined contact's provenance moves with each value the kept contact took from it. Its other provenance
        // rows describe values that were not kept, so they are deleted and logged for undo.
        List<Long> movedFacts = new ArrayList<>();
        List<Map<String, Object>> joinedFacts = jdbc.sql("SELECT id, field FROM business_fact WHERE contact_id = :id")
                .param("id", joinedId)
                .query((rs, row) -> Map.<String, Object>of("id", rs.getLong("id"), "field", rs.getString("field")))
                .list();
        for (Map<String, Object> fact : joinedFacts) {
            long factId = (Long) fact.get("id");
            String field = (String) fact.get("field");
            if (filledFields.contains(field)) {
                // The SET history row above wrote a provenance row for the merge itself; the original one replaces it.
                jdbc.sql("DELETE FROM business_fact WHERE contact_id = :keptId AND field = :field")
                        .param("keptId", keptId)
                        .param("field", field)
                        .update();
                jdbc.sql("UPDATE business_fact SET contact_id = :keptId WHERE id = :id")
                        .param("keptId", keptId)
                        .param("id", factId)
                        .update();
                movedFacts.add(factId);
            } else {
                deleteFact(factId, otherId, deletedFacts);
            }
        }

        List<Long> movedHistory = jdbc.sql("""
                        UPDATE business_history SET contact_id = :keptId WHERE contact_id = :joinedId RETURNING id
                        """)
                .param("keptId", keptId)
                .param("joinedId", joinedId)
                .query(Long.class)
                .list();
        List<Map<String, Object>> movedLinks = moveOtherReferences(keptId, joinedId);

        history(survivorId, null, "contact", "REMOVED", pair.joinedName(), null, userId, mergeId);
        jdbc.sql("DELETE FROM business_contact WHERE id = :id").param("id", joinedId).update();

        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("kept_id", keptId);
        entry.put("joined_id", joinedId);
        entry.put("reason", pair.reason());
        entry.put("kept_before", kept);
        entry.put("joined_row", joined);
        entry.put("phones_changed", phonesChanged);
        entry.put("business_fact", movedFacts);
        entry.put("business_history", movedHistory);
        entry.put("references", movedLinks);
        return entry;
    }

    /**
     * Adds the joined contact's phone numbers that the kept contact lacks, comparing E.164 forms where both parse
     * and the text as entered otherwise. The kept contact's phone provenance is replaced by the merge's, so the
     * original row and the joined contact's are deleted and logged for undo.
     */
    private boolean unitePhones(long survivorId, long otherId, JsonNode kept, JsonNode joined, long userId, long mergeId,
                                List<Object> deletedFacts) {
        List<String> phones = strings(kept.get("phones"));
        List<String> phonesE164 = strings(kept.get("phones_e164"));
        List<String> joinedPhones = strings(joined.get("phones"));
        List<String> joinedE164 = strings(joined.get("phones_e164"));
        List<String> oldPhones = List.copyOf(phones);
        for (int i = 0; i < joinedPhones.size(); i++) {
            String e164 = joinedE164.get(i);
            boolean known = e164 != null ? phonesE164.contains(e164) : phones.contains(joinedPhones.get(i));
            if (!known) {
                phones.add(joinedPhones.get(i));
                phonesE164.add(e164);
            }
        }
        if (phones.size() == oldPhones.size()) {
            return false;
        }
        long keptId = kept.get("id").asLong();
        // A provenance row this merge wrote itself has collected_at = now(), and undo deletes those by that time.
        jdbc.sql("""
                        DELETE FROM business_fact WHERE contact_id = :keptId AND field = 'contact.phones'
                        RETURNING CASE WHEN collected_at = now() THEN NULL ELSE to_jsonb(business_fact.*)::text END
                        """)
                .param("keptId", keptId)
                .query(String.class)
                .list()
                .stream()
                .filter(Objects::nonNull)
                .forEach(row -> deletedFacts.add(JSON.readValue(row, Map.class)));
        jdbc.sql("SELECT id FROM business_fact WHERE contact_id = :joinedId AND field = 'contact.phones'")
                .param("joinedId", joined.get("id").asLong())
                .query(Long.class)
                .list()
                .forEach(factId -> deleteFact(factId, otherId, deletedFacts));
        jdbc.sql("""
                        UPDATE business_contact
                        SET phones = CAST(:phones AS text[]), phones_e164 = CAST(:e164 AS text[]), updated_at = now()
                        WHERE id = :id
                        """)
                .param("phones", phones.toArray(String[]::new))
                .param("e164", phonesE164.toArray(String[]::new))
                .param("id", keptId)
                .update();
        history(survivorId, keptId, "contact.phones", oldPhones.isEmpty() ? "SET" : "CHANGED",
                oldPhones.isEmpty() ? null : String.join("; ", oldPhones), String.join("; ", phones), userId, mergeId);
        return true;
    }

    /**
     * Points every other foreign key to business_contact from the joined contact to the kept one, so tables added
     * later are covered too. Returns, per column, the primary key values of the rows changed, as text.
     */
    private List<Map<String, Object>> moveOtherReferences(long keptId, long joinedId) {
        List<Map<String, Object>> moved = new ArrayList<>();
        for (Reference reference : references()) {
            if (HANDLED_TABLES.contains(reference.table())) {
                continue;
            }
            List<String> keys = jdbc.sql("UPDATE " + reference.table() + " SET " + reference.column()
                            + " = :keptId WHERE " + reference.column() + " = :joinedId RETURNING "
                            + reference.primaryKey() + "::text")
                    .param("keptId", keptId)
                    .param("joinedId", joinedId)
                    .query(String.class)
                    .list();
            if (!keys.isEmpty()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("table", reference.table());
                entry.put("column", reference.column());
                entry.put("primary_key", reference.primaryKey());
                entry.put("keys", keys);
                moved.add(entry);
            }
        }
        return moved;
    }

    /** Returns the single-column foreign keys to business_contact, read from the catalog. */
    private List<Reference> references() {
        return snapshots.referencesTo("business_contact", List.of());
    }

    /** Restores both contacts of each logged pair, newest first, before the merge's moved rows go back. */
    void undo(JsonNode joinedContacts) {
        List<JsonNode> entries = new ArrayList<>();
        if (joinedContacts != null) {
            joinedContacts.forEach(entries::add);
        }
        for (int i = entries.size() - 1; i >= 0; i--) {
            JsonNode entry = entries.get(i);
            long keptId = entry.get("kept_id").asLong();
            long joinedId = entry.get("joined_id").asLong();
            jdbc.sql("""
                            INSERT INTO business_contact OVERRIDING SYSTEM VALUE
                            SELECT * FROM jsonb_populate_record(NULL::business_contact, CAST(:row AS jsonb))
                            """)
                    .param("row", JSON.writeValueAsString(entry.get("joined_row")))
                    .update();
            jdbc.sql("""
                            UPDATE business_contact c
                            SET establishment_id = r.establishment_id, name = r.name, role = r.role, email = r.email,
                                phones = r.phones, phones_e164 = r.phones_e164, preferred_method = r.preferred_method,
                                updated_at = r.updated_at
                            FROM jsonb_populate_record(NULL::business_contact, CAST(:row AS jsonb)) r
                            WHERE c.id = :id
                            """)
                    .param("row", JSON.writeValueAsString(entry.get("kept_before")))
                    .param("id", keptId)
                    .update();
            for (String table : HANDLED_TABLES) {
                jdbc.sql("UPDATE " + table + " SET contact_id = :joinedId WHERE id = ANY (CAST(:ids AS bigint[]))")
                        .param("joinedId", joinedId)
                        .param("ids", longs(entry.get(table)))
                        .update();
            }
            for (JsonNode reference : entry.get("references")) {
                Reference known = references().stream()
                        .filter(candidate -> candidate.table().equals(reference.get("table").asString())
                                && candidate.column().equals(reference.get("column").asString()))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("Column " + reference.get("table").asString()
                                + "." + reference.get("column").asString() + " no longer refers to business_contact"));
                List<String> keys = new ArrayList<>();
                reference.get("keys").forEach(key -> keys.add(key.asString()));
                jdbc.sql("UPDATE " + known.table() + " SET " + known.column() + " = :joinedId WHERE "
                                + known.primaryKey() + "::text = ANY (CAST(:keys AS text[]))")
                        .param("joinedId", joinedId)
                        .param("keys", keys.toArray(String[]::new))
                        .update();
            }
        }
    }

    private JsonNode row(long contactId) {
        return JSON.readTree(jdbc.sql("SELECT to_jsonb(c)::text FROM business_contact c WHERE id = :id")
                .param("id", contactId)
                .query(String.class)
                .single());
    }

    private void updateColumn(long contactId, String column, String value) {
        if (!VALUE_COLUMNS.contains(column)) {
            throw new IllegalArgumentException("Unknown contact column " + column);
        }
        jdbc.sql("UPDATE business_contact SET " + column + " = :value, updated_at = now() WHERE id = :id")
                .param("value", value)
                .param("id", contactId)
                .update();
    }

    /** Deletes one provenance row and logs it as it was before the merge, on the other business. */
    private void deleteFact(long factId, long otherId, List<Object> deletedFacts) {
        jdbc.sql("DELETE FROM business_fact WHERE id = :id RETURNING to_jsonb(business_fact.*)::text")
                .param("id", factId)
                .query(String.class)
                .list()
                .forEach(row -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> fact = JSON.readValue(row, Map.class);
                    fact.put("business_id", otherId);
                    deletedFacts.add(fact);
                });
    }

    private void history(long businessId, Long contactId, String field, String action, String oldValue,
                         String newValue, long userId, long mergeId) {
        jdbc.sql("""
                        INSERT INTO business_history (business_id, contact_id, field, action, old_value, new_value,
                                                      actor_user_id, source_kind, merge_id)
                        VALUES (:businessId, :contactId, :field, :action, :oldValue, :newValue, :userId,
                                'STAFF_ENTRY', :mergeId)
                        """)
                .param("businessId", businessId)
                .param("contactId", contactId)
                .param("field", field)
                .param("action", action)
                .param("oldValue", oldValue)
                .param("newValue", newValue)
                .param("userId", userId)
                .param("mergeId", mergeId)
                .update();
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? null : value.asString();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            array.forEach(value -> values.add(text(value)));
        }
        return values;
    }

    private static Long[] longs(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        if (array != null) {
            array.forEach(id -> ids.add(id.asLong()));
        }
        return ids.toArray(Long[]::new);
    }
}
