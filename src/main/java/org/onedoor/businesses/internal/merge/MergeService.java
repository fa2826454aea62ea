package org.onedoor.businesses.internal.merge;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.onedoor.businesses.BusinessesMerged;
import org.onedoor.businesses.MergeParticipant;
import org.onedoor.businesses.MergedRows;
import org.onedoor.businesses.internal.BusinessProfiles;
import org.onedoor.businesses.internal.MatchKeys;
import org.onedoor.shared.ConflictException;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.InvalidInputException.FieldProblem;
import org.onedoor.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.ObjectMapper;

/**
 * Merges one business into another in one transaction. The other business's child rows move to the survivor, and
 * the chosen shared field values are written to it. Each value not chosen stays in the survivor's history, and the
 * other business is marked as merged instead of deleted.
 */
@Service
public class MergeService {

    private static final Logger log = LoggerFactory.getLogger(MergeService.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Shared business fields that a merge chooses between, in display order. FEIN is not among them, because two
     * different FEINs reject the merge and a single FEIN is always kept.
     */
    // NOTE: the plan facts that eligibility rules use (layoff_announced, hiring_needs, hourly_wage_offered,
    // hires_people_with_disabilities, hires_veterans) are not chosen between yet, so a merge keeps the survivor's
    // values and drops the other business's.
    public static final List<String> CHOSEN_FIELDS = List.of("legal_name", "naics_code", "website", "ownership_type",
            "year_started", "employee_band");

    private final JdbcClient jdbc;
    private final ContactJoiner contacts;
    private final ApplicationEventPublisher events;
    private final MergedRows mergedRows;
    private final List<MergeParticipant> participants;

    MergeService(JdbcClient jdbc, ContactJoiner contacts, ApplicationEventPublisher events, MergedRows mergedRows,
                 List<MergeParticipant> participants) {
        this.jdbc = jdbc;
        this.contacts = contacts;
        this.events = events;
        this.mergedRows = mergedRows;
        this.participants = participants;
    }

    /** One shared field of both businesses. */
    public record FieldPair(String field, String survivorValue, String otherValue) {

        public boolean conflicting() {
            return survivorValue != null && otherValue != null && !survivorValue.equals(otherValue);
        }
    }

    /** The shared fields of both businesses side by side, for the merge page. */
    public record Comparison(long survivorId, String survivorName, String survivorFein, long otherId, String otherName,
                             String otherFein, List<FieldPair> fields) {

        public List<FieldPair> conflicts() {
            return fields.stream().filter(FieldPair::conflicting).toList();
        }

        public boolean feinConflict() {
            return survivorFein != null && otherFein != null && !survivorFein.equals(otherFein);
        }
    }

    /**
     * The outcome of a merge: the merge record and the number of rows moved per table, including the tables of other
     * modules.
     */
    public record Result(long mergeId, long survivorId, long otherId, Map<String, Integer> movedRows) {
    }

    @Transactional(readOnly = true)
    public Comparison compare(long survivorId, long otherId) {
        Map<String, String> survivor = read(survivorId);
        Map<String, String> other = read(otherId);
        List<FieldPair> fields = CHOSEN_FIELDS.stream()
                .map(field -> new FieldPair(field, survivor.get(field), other.get(field)))
                .toList();
        return new Comparison(survivorId, survivor.get("legal_name"), survivor.get("fein"), otherId,
                other.get("legal_name"), other.get("fein"), fields);
    }

    /**
     * Merges {@code otherId} into {@code survivorId}. For each shared field where both have different values,
     * {@code choices} names "survivor" or "other"; an empty survivor value takes the other's value without a choice.
     *
     * @throws ConflictException when the FEINs differ or either business is already merged
     * @throws InvalidInputException for a missing or unknown choice
     */
    @Transactional
    public Result merge(long survivorId, long otherId, Map<String, String> choices, long userId) {
        return merge(survivorId, otherId, choices, Set.of(), userId);
    }

    /**
     * Merges as {@link #merge(long, long, Map, long)} does, and joins each pair of contacts that are the same person
     * (see {@link ContactJoiner}) except the pairs whose contact of the other business is in {@code keptSeparate}.
     *
     * @throws InvalidInputException also when {@code keptSeparate} names a contact that no pair contains
     */
    @Transactional
    public Result merge(long survivorId, long otherId, Map<String, String> choices, Set<Long> keptSeparate,
                        long userId) {
        rejectSameBusiness(survivorId, otherId);
        lock(survivorId, otherId);
        Map<String, String> survivor = read(survivorId);
        Map<String, String> other = read(otherId);
        checkNotMerged(survivorId, survivor);
        checkNotMerged(otherId, other);
        String survivorFein = survivor.get("fein");
        String otherFein = other.get("fein");
        if (survivorFein != null && otherFein != null && !survivorFein.equals(otherFein)) {
            throw new ConflictException("Two different FEINs are different businesses: business " + survivorId
                    + " has FEIN " + survivorFein + " and business " + otherId + " has FEIN " + otherFein
                    + ". Correct the wrong FEIN before merging, or dismiss the pair.");
        }
        Map<String, String> chosen = checkChoices(survivor, other, choices);
        List<ContactJoiner.ContactPair> contactPairs = contacts.findPairs(survivorId, otherId);
        checkKeptSeparate(otherId, contactPairs, keptSeparate);

        long mergeId = jdbc.sql("""
                        INSERT INTO business_merge (survivor_id, other_id, merged_by, choices, moved_rows)
                        VALUES (:survivorId, :otherId, :userId, '{}', '{}') RETURNING id
                        """)
                .param("survivorId", survivorId)
                .param("otherId", otherId)
                .param("userId", userId)
                .query(Long.class)
                .single();

        Map<String, Object> moved = new LinkedHashMap<>();
        List<Object> deletedFacts = new ArrayList<>();
        moved.put("business_history", moveAll("business_history", survivorId, otherId));
        moved.put("establishment", moveAll("establishment", survivorId, otherId));
        moved.put("business_contact", moveAll("business_contact", survivorId, otherId));
        moved.put("business_source_record", moveAll("business_source_record", survivorId, otherId));
        moved.put("removed_trade_names", removeDuplicateTradeNames(survivorId, otherId, deletedFacts));
        moved.put("business_trade_name", moveAll("business_trade_name", survivorId, otherId));
        moved.put("kept_partner_field_values", keepSurvivorPartnerValues(survivorId, otherId, userId, mergeId));
        moved.put("partner_field_value", movePartnerValues(survivorId, otherId));

        Map<String, Object> choiceLog = applyChoices(survivorId, survivor, other, chosen, userId, mergeId,
                deletedFacts);
        if (survivorFein == null && otherFein != null) {
            jdbc.sql("UPDATE business SET fein = NULL WHERE id = :id").param("id", otherId).update();
            setField(survivorId, "fein", otherFein);
            history(survivorId, "fein", "SET", null, otherFein, userId, mergeId);
            choiceLog.put("fein", Map.of("chosen", "other", "other", otherFein));
        }
        List<Object> facts = moveFacts(survivorId, otherId, chosen);
        facts.stream().filter(item -> !(item instanceof Long)).forEach(deletedFacts::add);
        moved.put("business_fact", facts.stream().filter(item -> item instanceof Long).toList());
        moved.put("joined_contacts", contacts.join(survivorId, otherId, keptSeparate, userId, mergeId, contactPairs,
                deletedFacts));
        moved.put("deleted_business_facts", deletedFacts);
        // Other modules move their rows last, after contacts were joined, so each row they log is final. Undo writes
        // their rows back first and the contacts after, in the reverse order.
        events.publishEvent(new BusinessesMerged(mergeId, survivorId, otherId, userId));

        jdbc.sql("""
                        UPDATE business SET merged_into_id = :survivorId, merged_at = now(), merged_by = :userId,
                                            updated_at = now()
                        WHERE id = :otherId
                        """)
                .param("survivorId", survivorId)
                .param("userId", userId)
                .param("otherId", otherId)
                .update();
        jdbc.sql("""
                        UPDATE duplicate_pair SET status = 'MERGED', decided_by = :userId, decided_at = now()
                        WHERE status = 'OPEN' AND (lower_id = :otherId OR higher_id = :otherId)
                        """)
                .param("userId", userId)
                .param("otherId", otherId)
                .update();
        jdbc.sql("UPDATE business_merge SET choices = CAST(:choices AS jsonb), moved_rows = CAST(:moved AS jsonb) WHERE id = :id")
                .param("choices", JSON.writeValueAsString(choiceLog))
                .param("moved", JSON.writeValueAsString(moved))
                .param("id", mergeId)
                .update();

        Map<String, Integer> counts = new LinkedHashMap<>();
        moved.forEach((table, rows) -> counts.put(table, ((List<?>) rows).size()));
        counts.putAll(mergedRows.counts(mergeId));
        log.info("Business {} merged into business {} by user {} as merge {}", otherId, survivorId, userId, mergeId);
        return new Result(mergeId, survivorId, otherId, counts);
    }

    /** Lists what a merge would move or change in the other modules, such as referrals and needs. */
    @Transactional(readOnly = true)
    public List<MergeParticipant.Preview> preview(long survivorId, long otherId) {
        rejectSameBusiness(survivorId, otherId);
        read(survivorId);
        read(otherId);
        return participants.stream().flatMap(participant -> participant.preview(survivorId, otherId).stream())
                .toList();
    }

    private static void rejectSameBusiness(long survivorId, long otherId) {
        if (survivorId == otherId) {
            throw new InvalidInputException("otherId", "Business " + otherId
                    + " cannot be merged into itself. Send the id of the duplicate as otherId.");
        }
    }

    /** Finds the pairs of contacts that a merge of {@code otherId} into {@code survivorId} would join. */
    @Transactional(readOnly = true)
    public List<ContactJoiner.ContactPair> contactPairs(long survivorId, long otherId) {
        read(survivorId);
        read(otherId);
        return contacts.findPairs(survivorId, otherId);
    }

    /** Returns the business that {@code businessId} was merged into, if it was. */
    @Transactional(readOnly = true)
    public java.util.Optional<Long> mergedInto(long businessId) {
        return jdbc.sql("SELECT merged_into_id FROM business WHERE id = :id AND merged_into_id IS NOT NULL")
                .param("id", businessId)
                .query(Long.class)
                .optional();
    }

    private void lock(long survivorId, long otherId) {
        List<Long> locked = jdbc.sql("SELECT id FROM business WHERE id IN (:a, :b) ORDER BY id FOR UPDATE")
                .param("a", survivorId)
                .param("b", otherId)
                .query(Long.class)
                .list();
        for (long id : List.of(survivorId, otherId)) {
            if (!locked.contains(id)) {
                throw NotFoundException.of("Business", id);
            }
        }
    }

    private Map<String, String> read(long businessId) {
        return jdbc.sql("""
                        SELECT legal_name, fein, naics_code, website, ownership_type, year_started::text AS year_started,
                               employee_band, merged_into_id::text AS merged_into_id
                        FROM business WHERE id = :id
                        """)
                .param("id", businessId)
                .query((rs, row) -> {
                    Map<String, String> values = new LinkedHashMap<>();
                    for (String column : List.of("legal_name", "fein", "naics_code", "website", "ownership_type",
                            "year_started", "employee_band", "merged_into_id")) {
                        values.put(column, rs.getString(column));
                    }
                    return values;
                })
                .optional()
                .orElseThrow(() -> NotFoundException.of("Business", businessId));
    }

    private static void checkNotMerged(long businessId, Map<String, String> values) {
        if (values.get("merged_into_id") != null) {
            throw new ConflictException("Business " + businessId + " was already merged into business "
                    + values.get("merged_into_id") + ". Merge with business " + values.get("merged_into_id")
                    + " instead.");
        }
    }

    /** Returns "survivor" or "other" for each field whose values differ, naming every missing or invalid choice. */
    private static Map<String, String> checkChoices(Map<String, String> survivor, Map<String, String> other,
                                                    Map<String, String> choices) {
        Map<String, String> given = choices == null ? Map.of() : choices;
        List<FieldProblem> problems = new ArrayList<>();
        for (String key : given.keySet()) {
            if (!CHOSEN_FIELDS.contains(key)) {
                problems.add(new FieldProblem("choices." + key, "Field '" + key + "' cannot be chosen. Choose one of "
                        + String.join(", ", CHOSEN_FIELDS) + "."));
            }
        }
        Map<String, String> chosen = new LinkedHashMap<>();
        for (String field : CHOSEN_FIELDS) {
            String survivorValue = survivor.get(field);
            String otherValue = other.get(field);
            String choice = given.get(field);
            if (choice != null && !choice.equals("survivor") && !choice.equals("other")) {
                problems.add(new FieldProblem("choices." + field, "Choice '" + choice + "' for " + field
                        + " is invalid. Send \"survivor\" or \"other\"."));
            } else if (survivorValue == null && otherValue != null) {
                chosen.put(field, "other");
            } else if (survivorValue != null && otherValue != null && !survivorValue.equals(otherValue)) {
                if (choice == null) {
                    problems.add(new FieldProblem("choices." + field, "Choice for " + field + " is missing: the "
                            + "businesses have '" + survivorValue + "' and '" + otherValue
                            + "'. Send \"survivor\" or \"other\"."));
                } else {
                    chosen.put(field, choice);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return chosen;
    }

    private static void checkKeptSeparate(long otherId, List<ContactJoiner.ContactPair> pairs,
                                          Set<Long> keptSeparate) {
        Set<Long> joinable = new HashSet<>();
        pairs.forEach(pair -> joinable.add(pair.joinedId()));
        List<FieldProblem> problems = new ArrayList<>();
        for (Long contactId : keptSeparate) {
            if (!joinable.contains(contactId)) {
                problems.add(new FieldProblem("keepContactsSeparate", "Contact " + contactId + " of business "
                        + otherId + " is not in any pair of contacts this merge would join. Send only ids of the "
                        + "other business's contacts listed in the merge's contact pairs."));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private List<Long> moveAll(String table, long survivorId, long otherId) {
        return jdbc.sql("UPDATE " + table + " SET business_id = :survivorId WHERE business_id = :otherId RETURNING id")
                .param("survivorId", survivorId)
                .param("otherId", otherId)
                .query(Long.class)
                .list();
    }

    /** Deletes the other's trade names whose name key the survivor already has, returning them for the log. */
    private List<Map<String, Object>> removeDuplicateTradeNames(long survivorId, long otherId,
                                                                List<Object> deletedFacts) {
        // Their provenance rows would go with them by ON DELETE CASCADE, so they are deleted and logged first.
        jdbc.sql("""
                        DELETE FROM business_fact f
                        USING business_trade_name o, business_trade_name s
                        WHERE f.trade_name_id = o.id AND o.business_id = :otherId AND s.business_id = :survivorId
                          AND s.name_key = o.name_key
                        RETURNING to_jsonb(f.*)::text
                        """)
                .param("survivorId", survivorId)
                .param("otherId", otherId)
                .query(String.class)
                .list()
                .forEach(row -> deletedFacts.add(JSON.readValue(row, Map.class)));
        return jdbc.sql("""
                        DELETE FROM business_trade_name o
                        USING business_trade_name s
                        WHERE o.business_id = :otherId AND s.business_id = :survivorId AND s.name_key = o.name_key
                        RETURNING o.id, o.name, o.name_key, o.created_at::text AS created_at
                        """)
                .param("survivorId", survivorId)
                .param("otherId", otherId)
                .query((rs, row) -> Map.<String, Object>of("id", rs.getLong("id"), "name", rs.getString("name"),
                        "name_key", rs.getString("name_key"), "created_at", rs.getString("created_at")))
                .list();
    }

    /**
     * Keeps the survivor's value where both businesses have one for the same partner field: the other's value goes
     * into the survivor's history as a CONFLICT and its row is deleted.
     */
    private List<Map<String, Object>> keepSurvivorPartnerValues(long survivorId, long otherId, long userId,
                                                                long mergeId) {
        List<Map<String, Object>> kept = jdbc.sql("""
                        DELETE FROM partner_field_value o
                        USING partner_field_value s
                        WHERE o.business_id = :otherId AND s.business_id = :survivorId AND s.field_id = o.field_id
                        RETURNING o.field_id, o.value, s.value AS survivor_value, o.user_id, o.partner_id,
                                  o.source_kind, o.collected_at::text AS collected_at
                        """)
                .param("survivorId", survivorId)
                .param("otherId", otherId)
                .query((rs, row) -> {
                    Map<String, Object> value = new LinkedHashMap<>();
                    value.put("field_id", rs.getLong("field_id"));
                    value.put("value", rs.getString("value"));
                    value.put("survivor_value", rs.getString("survivor_value"));
                    value.put("user_id", rs.getObject("user_id"));
                    value.put("partner_id", rs.getObject("partner_id"));
                    value.put("source_kind", rs.getString("source_kind"));
                    value.put("collected_at", rs.getString("collected_at"));
                    return value;
                })
                .list();
        for (Map<String, Object> value : kept) {
            jdbc.sql("""
                            INSERT INTO business_history (business_id, field, action, old_value, new_value, actor_user_id,
                                                          source_kind, partner_field_id, merge_id)
                            VALUES (:businessId, 'partner_field', 'CONFLICT', :kept, :other, :userId, 'STAFF_ENTRY',
                                    :fieldId, :mergeId)
                            """)
                    .param("businessId", survivorId)
                    .param("kept", value.get("survivor_value"))
                    .param("other", value.get("value"))
                    .param("userId", userId)
                    .param("fieldId", value.get("field_id"))
                    .param("mergeId", mergeId)
                    .update();
        }
        return kept;
    }

    private List<Long> movePartnerValues(long survivorId, long otherId) {
        return jdbc.sql("""
                        UPDATE partner_field_value SET business_id = :survivorId WHERE business_id = :otherId
                        RETURNING field_id
                        """)
                .param("survivorId", survivorId)
                .param("otherId", otherId)
                .query(Long.class)
                .list();
    }

    /**
     * Writes each chosen value of the other business to the survivor with a CHANGED or SET history row, and keeps
     * each value not chosen as a CONFLICT history row, both naming the merge.
     */
    private Map<String, Object> applyChoices(long survivorId, Map<String, String> survivor, Map<String, String> other,
                                             Map<String, String> chosen, long userId, long mergeId,
                                             List<Object> deletedFacts) {
        Map<String, Object> log = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : chosen.entrySet()) {
            String field = entry.getKey();
            String survivorValue = survivor.get(field);
            String otherValue = other.get(field);
            Map<String, Object> choice = new LinkedHashMap<>();
            choice.put("chosen", entry.getValue());
            choice.put("survivor", survivorValue);
            choice.put("other", otherValue);
            log.put(field, choice);
            if (entry.getValue().equals("other")) {
                // The history row below replaces the survivor's provenance row in place through the trigger, so the
                // original row is kept in the log first, for undo.
                jdbc.sql("""
                                DELETE FROM business_fact
                                WHERE business_id = :id AND field = :field AND establishment_id IS NULL
                                  AND contact_id IS NULL AND trade_name_id IS NULL
                                RETURNING to_jsonb(business_fact.*)::text
                                """)
                        .param("id", survivorId)
                        .param("field", field)
                        .query(String.class)
                        .list()
                        .forEach(row -> deletedFacts.add(JSON.readValue(row, Map.class)));
                setField(survivorId, field, otherValue);
                history(survivorId, field, survivorValue == null ? "SET" : "CHANGED", survivorValue, otherValue, userId,
                        mergeId);
            } else {
                history(survivorId, field, "CONFLICT", survivorValue, otherValue, userId, mergeId);
            }
        }
        return log;
    }

    void setField(long businessId, String field, String value) {
        if (!CHOSEN_FIELDS.contains(field) && !field.equals("fein")) {
            throw new IllegalArgumentException("Unknown business field " + field);
        }
        String cast = field.equals("year_started") ? "CAST(:value AS integer)" : ":value";
        jdbc.sql("UPDATE business SET " + field + " = " + cast + ", updated_at = now() WHERE id = :id")
                .param("value", value)
                .param("id", businessId)
                .update();
        if (field.equals("legal_name")) {
            jdbc.sql("UPDATE business SET name_key = :key WHERE id = :id")
                    .param("key", BusinessProfiles.nameMatchKey(value))
                    .param("id", businessId)
                    .update();
        } else if (field.equals("website")) {
            jdbc.sql("UPDATE business SET website_key = :key WHERE id = :id")
                    .param("key", MatchKeys.websiteKey(value))
                    .param("id", businessId)
                    .update();
        }
    }

    private void history(long businessId, String field, String action, String oldValue, String newValue, long userId,
                         long mergeId) {
        jdbc.sql("""
                        INSERT INTO business_history (business_id, field, action, old_value, new_value, actor_user_id,
                                                      source_kind, merge_id)
                        VALUES (:businessId, :field, :action, :oldValue, :newValue, :userId, 'STAFF_ENTRY', :mergeId)
                        """)
                .param("businessId", businessId)
                .param("field", field)
                .param("action", action)
                .param("oldValue", oldValue)
                .param("newValue", newValue)
                .param("userId", userId)
                .param("mergeId", mergeId)
                .update();
    }

    /**
     * Moves the other's provenance rows. Rows about establishments, contacts and trade names never collide, because
     * those rows moved with their own ids. When both businesses have a fact for the same field, the fact of the side
     * whose value the survivor now has is kept, so that value keeps its original provenance. The other side's fact is
     * deleted and returned for the log.
     */
    private List<Object> moveFacts(long survivorId, long otherId, Map<String, String> chosen) {
        List<Object> log = new ArrayList<>();
        List<Map<String, Object>> colliding = jdbc.sql("""
                        SELECT o.id AS other_fact, s.id AS survivor_fact, o.field
                        FROM business_fact o
                        JOIN business_fact s ON s.business_id = :survivorId AND s.field = o.field
                             AND s.establishment_id IS NOT DISTINCT FROM o.establishment_id
                             AND s.contact_id IS NOT DISTINCT FROM o.contact_id
                             AND s.trade_name_id IS NOT DISTINCT FROM o.trade_name_id
                        WHERE o.business_id = :otherId
                        """)
                .param("survivorId", survivorId)
                .param("otherId", otherId)
                .query((rs, row) -> Map.<String, Object>of("other_fact", rs.getLong("other_fact"), "survivor_fact",
                        rs.getLong("survivor_fact"), "field", rs.getString("field")))
                .list();
        for (Map<String, Object> pair : colliding) {
            boolean otherWins = Objects.equals(chosen.get((String) pair.get("field")), "other")
                    || pair.get("field").equals("fein");
            long deleted = (Long) (otherWins ? pair.get("survivor_fact") : pair.get("other_fact"));
            // A fact written by this merge's own history rows has collected_at = now(); it is not logged, because
            // undoing the merge deletes those history rows and must not bring that fact back.
            jdbc.sql("""
                            DELETE FROM business_fact WHERE id = :id
                            RETURNING CASE WHEN collected_at = now() THEN NULL
                                           ELSE to_jsonb(business_fact.*)::text END
                            """)
                    .param("id", deleted)
                    .query(String.class)
                    .list()
                    .stream()
                    .filter(Objects::nonNull)
                    .forEach(row -> log.add(JSON.readValue(row, Map.class)));
        }
        log.addAll(moveAll("business_fact", survivorId, otherId));
        return log;
    }
}
