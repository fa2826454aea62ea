package org.onedoor.businesses.internal.merge;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.onedoor.shared.ConflictException;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Merges one establishment without touching the rest of its business. A move takes an establishment from one
 * business to another with its contacts, provenance, history and the source records that belong to it only. A join
 * makes two establishments of one business that are the same worksite one. The kept establishment keeps its values
 * and takes the other's only where it has none. Each other value that differs goes into the history as a CONFLICT.
 * Every row changed or deleted is kept as it was in {@code establishment_merge.before_rows}, so undo restores it.
 */
@Service
public class EstablishmentMergeService {

    private static final Logger log = LoggerFactory.getLogger(EstablishmentMergeService.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Establishment columns that a join fills from the joined establishment where the kept one has no value. */
    private static final List<String> VALUE_COLUMNS = List.of("county_fips", "phone", "phone_e164", "phone_extension",
            "ui_account_number", "worksite_employees", "time_zone");

    /** Address columns, compared as one folded address by a join. */
    private static final String ADDRESS = """
            concat_ws(', ', address_line1, address_line2, city, state, postal_code)""";

    private final JdbcClient jdbc;
    private final RowSnapshots snapshots;

    EstablishmentMergeService(JdbcClient jdbc, RowSnapshots snapshots) {
        this.jdbc = jdbc;
        this.snapshots = snapshots;
    }

    /** One establishment merge, for the API and the merges list on the page. */
    public record EstablishmentMerge(long id, String kind, long establishmentId, long fromBusinessId,
                                     long toBusinessId, Long intoEstablishmentId, OffsetDateTime mergedAt,
                                     OffsetDateTime undoneAt) {
    }

    /**
     * Moves establishment {@code establishmentId} from the business it belongs to into {@code toBusinessId}, or,
     * when {@code intoEstablishmentId} is given, joins it into that establishment of the same business.
     *
     * @throws InvalidInputException when an establishment is unknown, already belongs to the target, or a join
     *                               names establishments of different businesses
     * @throws ConflictException when either business was merged into another
     */
    @Transactional
    public EstablishmentMerge merge(long toBusinessId, long establishmentId, Long intoEstablishmentId, long userId) {
        long fromBusinessId = businessOf("establishmentId", establishmentId);
        lockBusinesses(fromBusinessId, toBusinessId);
        if (intoEstablishmentId == null) {
            if (fromBusinessId == toBusinessId) {
                throw new InvalidInputException("establishmentId", "Establishment " + establishmentId
                        + " already belongs to business " + toBusinessId + ". Send intoEstablishmentId to join it "
                        + "with another establishment of this business, or the id of another business's establishment.");
            }
            return move(fromBusinessId, toBusinessId, establishmentId, userId);
        }
        if (intoEstablishmentId == establishmentId) {
            throw new InvalidInputException("intoEstablishmentId", "Establishment " + establishmentId
                    + " cannot be joined into itself. Send the id of the establishment to keep.");
        }
        long intoBusinessId = businessOf("intoEstablishmentId", intoEstablishmentId);
        if (fromBusinessId != toBusinessId || intoBusinessId != toBusinessId) {
            throw new InvalidInputException("intoEstablishmentId", "Establishments " + establishmentId + " and "
                    + intoEstablishmentId + " must both belong to business " + toBusinessId + " to be joined. Move "
                    + "establishment " + establishmentId + " to business " + toBusinessId + " first.");
        }
        return join(toBusinessId, intoEstablishmentId, establishmentId, userId);
    }

    private EstablishmentMerge move(long fromBusinessId, long toBusinessId, long establishmentId, long userId) {
        List<Long> contacts = contactsOf(establishmentId);
        Map<String, Object> before = capture(List.of(establishmentId), contacts);
        long mergeId = insertMerge("MOVE", establishmentId, fromBusinessId, toBusinessId, null, userId, before);
        String address = address(establishmentId);

        jdbc.sql("UPDATE establishment SET business_id = :to, updated_at = now() WHERE id = :id")
                .param("to", toBusinessId).param("id", establishmentId).update();
        jdbc.sql("UPDATE business_contact SET business_id = :to, updated_at = now() WHERE id = ANY (CAST(:ids AS bigint[]))")
                .param("to", toBusinessId).param("ids", contacts.toArray(Long[]::new)).update();
        for (String table : List.of("business_history", "business_fact")) {
            jdbc.sql("UPDATE " + table + " SET business_id = :to WHERE business_id = :from AND "
                            + "(establishment_id = :id OR contact_id = ANY (CAST(:contacts AS bigint[])))")
                    .param("to", toBusinessId).param("from", fromBusinessId).param("id", establishmentId)
                    .param("contacts", contacts.toArray(Long[]::new)).update();
        }
        // A source record moves only when nothing left on the other business names it, because a record that also
        // brought business-wide values belongs to both.
        jdbc.sql("""
                        UPDATE business_source_record r SET business_id = :to
                        WHERE r.establishment_id = :id AND r.business_id = :from
                          AND NOT EXISTS (SELECT 1 FROM business_fact f WHERE f.source_record_id = r.id AND f.business_id = :from)
                          AND NOT EXISTS (SELECT 1 FROM business_history h WHERE h.source_record_id = r.id AND h.business_id = :from)
                        """)
                .param("to", toBusinessId).param("from", fromBusinessId).param("id", establishmentId).update();

        history(fromBusinessId, establishmentId, "establishment", "REMOVED", address, null, userId, mergeId);
        keepingAddressProvenance(toBusinessId, establishmentId,
                () -> history(toBusinessId, establishmentId, "establishment", "ADDED", null, address, userId, mergeId));
        log.info("Establishment {} moved from business {} to business {} by user {} as establishment merge {}",
                establishmentId, fromBusinessId, toBusinessId, userId, mergeId);
        return find(mergeId);
    }

    private EstablishmentMerge join(long businessId, long keptId, long joinedId, long userId) {
        List<Long> contacts = contactsOf(joinedId);
        Map<String, Object> before = capture(List.of(keptId, joinedId), contacts);
        List<RowSnapshots.Reference> references = snapshots.referencesTo("establishment", List.of(
                "business_contact", "business_source_record", "business_history", "business_fact", "establishment_merge"));
        long mergeId = insertMerge("JOIN", joinedId, businessId, businessId, keptId, userId, before);
        Map<String, String> kept = values(keptId);
        Map<String, String> joined = values(joinedId);

        List<String> filled = new ArrayList<>();
        for (String column : VALUE_COLUMNS) {
            String keptValue = kept.get(column);
            String joinedValue = joined.get(column);
            if (keptValue == null && joinedValue != null) {
                jdbc.sql("UPDATE establishment SET " + column + " = CAST(:value AS " + type(column) + "), "
                                + "updated_at = now() WHERE id = :id")
                        .param("value", joinedValue).param("id", keptId).update();
                filled.add("establishment." + column);
                if (!column.equals("phone_e164")) {
                    history(businessId, keptId, "establishment." + column, "SET", null, joinedValue, userId, mergeId);
                }
            } else if (joinedValue != null && !joinedValue.equals(keptValue) && !column.equals("phone_e164")) {
                history(businessId, keptId, "establishment." + column, "CONFLICT", keptValue, joinedValue, userId,
                        mergeId);
            }
        }
        if (!Objects.equals(kept.get("folded_address"), joined.get("folded_address"))) {
            history(businessId, keptId, "establishment.address", "CONFLICT", kept.get("address"),
                    joined.get("address"), userId, mergeId);
        }

        // Provenance of a value taken from the joined establishment moves with it, replacing the row that the SET
        // history row above wrote for the merge. The joined establishment's other provenance describes values that
        // were not kept, and its old rows stay in before_rows.
        for (Map<String, Object> fact : jdbc.sql("SELECT id, field FROM business_fact WHERE establishment_id = :id "
                        + "AND contact_id IS NULL")
                .param("id", joinedId).query().listOfRows()) {
            String field = (String) fact.get("field");
            long factId = ((Number) fact.get("id")).longValue();
            if (filled.contains(field)) {
                jdbc.sql("DELETE FROM business_fact WHERE establishment_id = :kept AND contact_id IS NULL AND field = :field")
                        .param("kept", keptId).param("field", field).update();
                jdbc.sql("UPDATE business_fact SET establishment_id = :kept WHERE id = :id")
                        .param("kept", keptId).param("id", factId).update();
            } else {
                jdbc.sql("DELETE FROM business_fact WHERE id = :id").param("id", factId).update();
            }
        }
        jdbc.sql("UPDATE business_fact SET establishment_id = :kept WHERE establishment_id = :joined")
                .param("kept", keptId).param("joined", joinedId).update();
        for (String table : List.of("business_contact", "business_source_record", "business_history")) {
            jdbc.sql("UPDATE " + table + " SET establishment_id = :kept WHERE establishment_id = :joined")
                    .param("kept", keptId).param("joined", joinedId).update();
        }
        List<Map<String, Object>> movedReferences = snapshots.moveReferences(references, joinedId, keptId);
        if (!movedReferences.isEmpty()) {
            before.put("references", movedReferences);
            jdbc.sql("UPDATE establishment_merge SET before_rows = CAST(:rows AS jsonb) WHERE id = :id")
                    .param("rows", JSON.writeValueAsString(before)).param("id", mergeId).update();
        }
        history(businessId, keptId, "establishment", "REMOVED", joined.get("address"), null, userId, mergeId);
        jdbc.sql("DELETE FROM establishment WHERE id = :id").param("id", joinedId).update();
        log.info("Establishment {} joined into establishment {} of business {} by user {} as establishment merge {}",
                joinedId, keptId, businessId, userId, mergeId);
        return find(mergeId);
    }

    /**
     * Undoes an establishment merge: deletes its history rows and restores every row it changed or deleted.
     *
     * @throws ConflictException when it was already undone or either business changed after it
     */
    @Transactional
    public EstablishmentMerge undo(long mergeId, long userId) {
        EstablishmentMerge merge = find(mergeId);
        if (merge.undoneAt() != null) {
            throw new ConflictException("Establishment merge " + mergeId + " was already undone.");
        }
        lockBusinesses(merge.fromBusinessId(), merge.toBusinessId());
        List<String> changed = jdbc.sql("""
                        SELECT DISTINCT h.business_id || ': ' || h.field FROM business_history h
                        WHERE h.business_id IN (:from, :to) AND h.changed_at > :mergedAt
                        ORDER BY 1
                        """)
                .param("from", merge.fromBusinessId()).param("to", merge.toBusinessId())
                .param("mergedAt", merge.mergedAt()).query(String.class).list();
        if (!changed.isEmpty()) {
            throw new ConflictException("Establishment merge " + mergeId + " cannot be undone because the businesses "
                    + "changed after it (business: field): " + String.join("; ", changed) + ". Undo works only while "
                    + "neither business has changed.");
        }

        JsonNode before = JSON.readTree(jdbc.sql("SELECT before_rows::text FROM establishment_merge WHERE id = :id")
                .param("id", mergeId).query(String.class).single());
        jdbc.sql("DELETE FROM business_history WHERE establishment_merge_id = :id").param("id", mergeId).update();
        List<Long> establishments = ids(before.get("establishment"));
        List<Long> contacts = ids(before.get("business_contact"));
        jdbc.sql("""
                        DELETE FROM business_fact
                        WHERE establishment_id = ANY (CAST(:establishments AS bigint[]))
                           OR contact_id = ANY (CAST(:contacts AS bigint[]))
                        """)
                .param("establishments", establishments.toArray(Long[]::new))
                .param("contacts", contacts.toArray(Long[]::new)).update();
        // Deleted rows come back in foreign key order: establishments before the rows that name them.
        for (String table : List.of("establishment", "business_contact", "business_source_record",
                "business_history", "business_fact")) {
            snapshots.restore(table, before.get(table));
        }
        snapshots.restoreReferences(before.get("references"), "establishment");

        jdbc.sql("UPDATE establishment_merge SET undone_at = now(), undone_by = :userId WHERE id = :id")
                .param("userId", userId).param("id", mergeId).update();
        log.info("Establishment merge {} undone by user {}", mergeId, userId);
        return find(mergeId);
    }

    @Transactional(readOnly = true)
    public EstablishmentMerge find(long mergeId) {
        return jdbc.sql(SELECT + " WHERE id = :id")
                .param("id", mergeId)
                .query(EstablishmentMergeService::merge)
                .optional()
                .orElseThrow(() -> NotFoundException.of("Establishment merge", mergeId));
    }

    /** Returns the establishment merges into or out of a business, newest first. */
    @Transactional(readOnly = true)
    public List<EstablishmentMerge> mergesOf(long businessId) {
        return jdbc.sql(SELECT + " WHERE to_business_id = :id OR from_business_id = :id ORDER BY merged_at DESC, id DESC")
                .param("id", businessId)
                .query(EstablishmentMergeService::merge)
                .list();
    }

    /** One establishment of a business, for the choice of the establishment to keep in a join. */
    public record EstablishmentChoice(long id, String address) {
    }

    @Transactional(readOnly = true)
    public List<EstablishmentChoice> establishmentsOf(long businessId) {
        return jdbc.sql("SELECT id, " + ADDRESS + " AS address FROM establishment WHERE business_id = :id ORDER BY id")
                .param("id", businessId)
                .query((rs, row) -> new EstablishmentChoice(rs.getLong("id"), rs.getString("address")))
                .list();
    }

    private static final String SELECT = """
            SELECT id, kind, establishment_id, from_business_id, to_business_id, into_establishment_id, merged_at,
                   undone_at
            FROM establishment_merge
            """;

    private static EstablishmentMerge merge(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new EstablishmentMerge(rs.getLong("id"), rs.getString("kind"), rs.getLong("establishment_id"),
                rs.getLong("from_business_id"), rs.getLong("to_business_id"),
                rs.getObject("into_establishment_id", Long.class), rs.getObject("merged_at", OffsetDateTime.class),
                rs.getObject("undone_at", OffsetDateTime.class));
    }

    private long businessOf(String field, long establishmentId) {
        return jdbc.sql("SELECT business_id FROM establishment WHERE id = :id")
                .param("id", establishmentId)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new InvalidInputException(field, "Establishment " + establishmentId
                        + " was not found. Send the id of an establishment shown on a business page."));
    }

    private void lockBusinesses(long first, long second) {
        List<Map<String, Object>> rows = jdbc.sql("""
                        SELECT id, merged_into_id FROM business WHERE id IN (:a, :b) ORDER BY id FOR UPDATE
                        """)
                .param("a", first).param("b", second).query().listOfRows();
        for (long id : List.of(first, second)) {
            Map<String, Object> row = rows.stream().filter(found -> ((Number) found.get("id")).longValue() == id)
                    .findFirst().orElseThrow(() -> NotFoundException.of("Business", id));
            if (row.get("merged_into_id") != null) {
                throw new ConflictException("Business " + id + " was merged into business " + row.get("merged_into_id")
                        + ". Use business " + row.get("merged_into_id") + " instead.");
            }
        }
    }

    private List<Long> contactsOf(long establishmentId) {
        return jdbc.sql("SELECT id FROM business_contact WHERE establishment_id = :id ORDER BY id")
                .param("id", establishmentId).query(Long.class).list();
    }

    /** Captures, as they are now, every row an establishment merge may change. */
    private Map<String, Object> capture(List<Long> establishments, List<Long> contacts) {
        Long[] establishmentIds = establishments.toArray(Long[]::new);
        Long[] contactIds = contacts.toArray(Long[]::new);
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("establishment", snapshots.capture("establishment", "id = ANY (CAST(:establishments AS bigint[]))",
                establishmentIds, contactIds));
        before.put("business_contact", snapshots.capture("business_contact",
                "id = ANY (CAST(:contacts AS bigint[])) OR establishment_id = ANY (CAST(:establishments AS bigint[]))",
                establishmentIds, contactIds));
        before.put("business_source_record", snapshots.capture("business_source_record",
                "establishment_id = ANY (CAST(:establishments AS bigint[]))", establishmentIds, contactIds));
        String aboutThem = "establishment_id = ANY (CAST(:establishments AS bigint[])) "
                + "OR contact_id = ANY (CAST(:contacts AS bigint[]))";
        before.put("business_history", snapshots.capture("business_history", aboutThem, establishmentIds, contactIds));
        before.put("business_fact", snapshots.capture("business_fact", aboutThem, establishmentIds, contactIds));
        return before;
    }

    private long insertMerge(String kind, long establishmentId, long fromBusinessId, long toBusinessId,
                             Long intoEstablishmentId, long userId, Map<String, Object> before) {
        return jdbc.sql("""
                        INSERT INTO establishment_merge (kind, establishment_id, from_business_id, to_business_id,
                                                         into_establishment_id, merged_by, before_rows)
                        VALUES (:kind, :establishmentId, :from, :to, :into, :userId, CAST(:before AS jsonb))
                        RETURNING id
                        """)
                .param("kind", kind).param("establishmentId", establishmentId).param("from", fromBusinessId)
                .param("to", toBusinessId).param("into", intoEstablishmentId).param("userId", userId)
                .param("before", JSON.writeValueAsString(before))
                .query(Long.class).single();
    }

    private String address(long establishmentId) {
        return jdbc.sql("SELECT " + ADDRESS + " FROM establishment WHERE id = :id")
                .param("id", establishmentId).query(String.class).single();
    }

    private Map<String, String> values(long establishmentId) {
        return jdbc.sql("SELECT " + String.join(", ", VALUE_COLUMNS.stream().map(column -> column + "::text AS "
                        + column).toList()) + ", " + ADDRESS + " AS address, folded_address FROM establishment WHERE id = :id")
                .param("id", establishmentId)
                .query((rs, row) -> {
                    Map<String, String> values = new LinkedHashMap<>();
                    for (String column : VALUE_COLUMNS) {
                        values.put(column, rs.getString(column));
                    }
                    values.put("address", rs.getString("address"));
                    values.put("folded_address", rs.getString("folded_address"));
                    return values;
                })
                .single();
    }

    private static String type(String column) {
        return column.equals("worksite_employees") ? "integer" : "text";
    }

    /**
     * Runs {@code write}, whose ADDED history row makes the history trigger replace the address provenance of the
     * establishment, and then puts the original provenance back, because moving an address does not collect it again.
     */
    private void keepingAddressProvenance(long businessId, long establishmentId, Runnable write) {
        String original = jdbc.sql("""
                        SELECT to_jsonb(f)::text FROM business_fact f
                        WHERE business_id = :businessId AND establishment_id = :id AND contact_id IS NULL
                          AND field = 'establishment.address'
                        """)
                .param("businessId", businessId).param("id", establishmentId).query(String.class).optional()
                .orElse(null);
        write.run();
        if (original != null) {
            jdbc.sql("""
                            UPDATE business_fact f
                            SET value = o.value, user_id = o.user_id, partner_id = o.partner_id,
                                collected_at = o.collected_at, source_kind = o.source_kind,
                                source_record_id = o.source_record_id
                            FROM jsonb_populate_record(NULL::business_fact, CAST(:original AS jsonb)) o
                            WHERE f.id = o.id
                            """)
                    .param("original", original).update();
        }
    }

    private void history(long businessId, long establishmentId, String field, String action, String oldValue,
                         String newValue, long userId, long mergeId) {
        jdbc.sql("""
                        INSERT INTO business_history (business_id, establishment_id, field, action, old_value,
                                                      new_value, actor_user_id, source_kind, establishment_merge_id)
                        VALUES (:businessId, :establishmentId, :field, :action, :oldValue, :newValue, :userId,
                                'STAFF_ENTRY', :mergeId)
                        """)
                .param("businessId", businessId).param("establishmentId", establishmentId).param("field", field)
                .param("action", action).param("oldValue", oldValue).param("newValue", newValue)
                .param("userId", userId).param("mergeId", mergeId).update();
    }

    private static List<Long> ids(JsonNode rows) {
        List<Long> ids = new ArrayList<>();
        if (rows != null) {
            rows.forEach(row -> ids.add(row.get("id").asLong()));
        }
        return ids;
    }
}
