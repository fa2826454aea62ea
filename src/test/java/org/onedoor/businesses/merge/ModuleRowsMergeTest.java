package org.onedoor.businesses.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onedoor.businesses.merge.MergeFixtures.admin;
import static org.onedoor.businesses.merge.MergeFixtures.business;
import static org.onedoor.businesses.merge.MergeFixtures.post;
import static org.onedoor.businesses.merge.MergeFixtures.uniqueWord;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.assessment.Assessments;
import org.onedoor.businesses.DuplicateCheck;
import org.onedoor.directory.DirectoryFixtures;
import org.onedoor.directory.DirectoryFixtures.TestPartner;
import org.onedoor.identity.UserAccount;
import org.onedoor.identity.UserAccounts;
import org.onedoor.support.ApiClient;
import org.onedoor.support.TestAccounts;
import org.onedoor.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Merges two businesses that both have rows in the modules built on the profile (referrals, demand, assessment,
 * engagement, public directory) through the API. Checks that every row moves and the one-per-business rules hold,
 * and that undo writes every row back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ModuleRowsMergeTest {

    /** The tables outside the businesses module whose rows name a business in business_id. */
    private static final List<String> MODULE_TABLES = List.of("referral", "referral_waiting_list", "account_manager",
            "business_concierge", "outreach_exclusion", "contact_log", "coordination_request", "business_need",
            "need_offer", "unmet_need", "needs_assessment", "contact_request");

    /**
     * Every foreign key to business, business_contact and establishment, as table.column, with how a merge treats
     * it. A new foreign key makes {@link #everyForeignKeyIsHandled()} fail until the merge handles it and it is
     * listed here.
     */
    private static final Map<String, String> FOREIGN_KEYS = new LinkedHashMap<>();

    static {
        // The businesses module's own rows, moved by MergeService and ContactJoiner.
        for (String table : List.of("establishment", "business_contact", "business_trade_name",
                "business_source_record", "business_history", "business_fact", "partner_field_value")) {
            FOREIGN_KEYS.put(table + ".business_id -> business", "moved by the businesses module");
        }
        FOREIGN_KEYS.put("business.merged_into_id -> business", "set on the merged business");
        FOREIGN_KEYS.put("partner_field_read.business_id -> business", "stays: a log of reads of that record");
        FOREIGN_KEYS.put("duplicate_pair.lower_id -> business", "pair marked MERGED");
        FOREIGN_KEYS.put("duplicate_pair.higher_id -> business", "pair marked MERGED");
        FOREIGN_KEYS.put("business_merge.survivor_id -> business", "the merge record");
        FOREIGN_KEYS.put("business_merge.other_id -> business", "the merge record");
        FOREIGN_KEYS.put("establishment_merge.from_business_id -> business", "stays: an earlier merge record");
        FOREIGN_KEYS.put("establishment_merge.to_business_id -> business", "stays: an earlier merge record");
        for (String table : MODULE_TABLES) {
            FOREIGN_KEYS.put(table + ".business_id -> business", "moved by its module's merge listener");
        }
        // Rows that name a contact follow it when ContactJoiner joins two contacts.
        for (String column : List.of("business_fact.contact_id", "business_history.contact_id",
                "contact_request.contact_id", "contact_log.contact_person_id",
                "coordination_request.contact_person_id")) {
            FOREIGN_KEYS.put(column + " -> business_contact", "pointed at the kept contact");
        }
        // Establishments move with their business, so these keep naming the same establishment.
        for (String column : List.of("business_contact.establishment_id", "business_fact.establishment_id",
                "business_history.establishment_id", "business_source_record.establishment_id",
                "establishment_merge.into_establishment_id")) {
            FOREIGN_KEYS.put(column + " -> establishment", "unchanged: the establishment moves with its business");
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    DuplicateCheck check;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Assessments assessments;

    ModuleRowFixtures fixtures;

    @BeforeEach
    void createFixtures() {
        fixtures = new ModuleRowFixtures(jdbc, accounts);
    }

    @Test
    void mergeMovesAndUndoRestoresRows() {
        String word = uniqueWord();
        long survivor = business(check, jdbc, word + " Foundry LLC", null, null, "40");
        long other = business(check, jdbc, word + " Foundry Works", null, null, "42");
        TestPartner partner = DirectoryFixtures.createPartner(jdbc);
        UserAccount keptManager = fixtures.staff(partner);
        UserAccount endedManager = fixtures.staff(partner);
        long admin = MergeFixtures.adminId(jdbc);

        long survivorReferral = fixtures.referral(survivor, partner, keptManager);
        long otherReferral = fixtures.referral(other, partner, endedManager);
        long otherSecondReferral = fixtures.referral(other, partner, endedManager);
        long keptAssignment = fixtures.assign(survivor, keptManager, admin);
        long endedEarlier = fixtures.assign(other, keptManager, admin);
        jdbc.sql("UPDATE account_manager SET ended_at = now() - interval '1 day' WHERE id = :id")
                .param("id", endedEarlier).update();
        long endedAssignment = fixtures.assign(other, endedManager, admin);
        long survivorNeed = fixtures.need(survivor, partner, "RECRUITMENT");
        long joinedNeed = fixtures.need(other, partner, "RECRUITMENT");
        long otherTrainingNeed = fixtures.need(other, partner, "TRAINING");
        long offer = fixtures.offer(other, joinedNeed, partner);
        fixtures.unmetNeed(other, otherTrainingNeed, partner);
        long survivorAssessment = fixtures.assessment(survivor, partner, admin, 10);
        long otherAssessment = fixtures.assessment(other, partner, admin, 1);
        long campaign = fixtures.campaign(partner, admin);
        long survivorVisit = fixtures.contact(survivor, partner, keptManager, "PLANNED", campaign);
        long otherVisit = fixtures.contact(other, partner, endedManager, "PLANNED", campaign);
        ApiClient api = admin(port);
        String email = "dana@" + word.toLowerCase() + ".example";
        long keptPerson = contactPerson(api, survivor, email);
        long joinedPerson = contactPerson(api, other, email);
        jdbc.sql("UPDATE contact_log SET contact_person_id = :person WHERE id = :id")
                .param("person", joinedPerson).param("id", otherVisit).update();
        fixtures.contact(other, partner, endedManager, "DONE", null);
        long secondCampaign = fixtures.campaign(partner, admin);
        fixtures.exclusion(secondCampaign, survivor, "Survivor asked to be left out");
        fixtures.exclusion(secondCampaign, other, "Other asked to be left out");
        fixtures.waiting(survivor, partner, admin);
        fixtures.waiting(other, partner, admin);
        fixtures.concierge(survivor, admin, true);
        fixtures.concierge(other, admin, false);
        fixtures.contactRequest(other, partner);
        fixtures.coordinationRequest(other, endedAssignment, partner, endedManager);
        Map<String, List<String>> survivorBefore = moduleRows(survivor);
        Map<String, List<String>> otherBefore = moduleRows(other);

        JsonNode preview = json.readTree(api.get("/api/v1/businesses/" + survivor + "/merge/" + other + "/preview")
                .body());
        assertThat(previewCount(preview, "Referrals")).isEqualTo(2);
        assertThat(previewCount(preview, "Needs")).isEqualTo(2);
        assertThat(previewCount(preview, "Account manager assignments")).isEqualTo(2);
        HttpResponse<String> selfPreview = api.get("/api/v1/businesses/" + survivor + "/merge/" + survivor
                + "/preview");
        assertThat(selfPreview.statusCode()).isEqualTo(400);
        assertThat(selfPreview.body()).contains("cannot be merged into itself");
        WebSession session = WebSession.signIn(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
        String mergePage = session.get("/businesses/" + survivor + "/merge/" + other).body();
        assertThat(mergePage).contains("id=\"move-preview\"", "Referrals", "Both have an active account manager");
        HttpResponse<String> merge = post(api, "/api/v1/businesses/" + survivor + "/merge",
                "{\"otherId\": " + other + ", \"choices\": {\"legal_name\": \"survivor\"}}");

        assertThat(merge.statusCode()).as(merge.body()).isEqualTo(200);
        long mergeId = json.readTree(merge.body()).get("mergeId").asLong();
        assertThat(json.readTree(merge.body()).get("movedRows").get("referral").asInt()).isEqualTo(2);
        for (String table : MODULE_TABLES) {
            assertThat(count(table, other)).as(table + " rows left on the merged business").isZero();
        }
        assertThat(idsOf("referral", survivor)).containsExactlyInAnyOrder(survivorReferral, otherReferral,
                otherSecondReferral);
        assertThat(idsOf("account_manager", survivor)).containsExactlyInAnyOrder(keptAssignment, endedEarlier,
                endedAssignment);
        assertThat(activeAssignments(survivor)).containsExactly(keptAssignment);
        assertThat(text("SELECT end_reason FROM account_manager WHERE id = :id", endedAssignment))
                .contains("merge " + mergeId);
        assertThat(notices(endedManager.id(), "You are no longer the account manager")).isEqualTo(1);
        assertThat(notices(keptManager.id(), "Business merged into")).isEqualTo(1);
        assertThat(text("SELECT status FROM business_need WHERE id = :id", joinedNeed)).isEqualTo("CLOSED");
        assertThat(number("SELECT joined_into_id FROM business_need WHERE id = :id", joinedNeed))
                .isEqualTo(survivorNeed);
        assertThat(number("SELECT joined_by_merge_id FROM business_need WHERE id = :id", joinedNeed))
                .isEqualTo(mergeId);
        assertThat(text("SELECT status FROM business_need WHERE id = :id", otherTrainingNeed)).isEqualTo("OPEN");
        assertThat(number("SELECT need_id FROM need_offer WHERE id = :id", offer)).isEqualTo(joinedNeed);
        assertThat(count("unmet_need", survivor)).isEqualTo(1);
        assertThat(idsOf("needs_assessment", survivor)).containsExactlyInAnyOrder(survivorAssessment,
                otherAssessment);
        assertThat(assessments.current(survivor).orElseThrow().id()).isEqualTo(survivorAssessment);
        assertThat(idsOf("contact_log", survivor)).contains(survivorVisit, otherVisit).hasSize(3);
        assertThat(number("SELECT contact_person_id FROM contact_log WHERE id = :id", otherVisit))
                .isEqualTo(keptPerson);
        assertThat(number("SELECT count(*) FROM contact_log WHERE campaign_id = :id", campaign)).isEqualTo(2);
        assertThat(text("SELECT string_agg(reason, '|') FROM outreach_exclusion WHERE campaign_id = :id",
                secondCampaign)).isEqualTo("Survivor asked to be left out");
        assertThat(number("SELECT count(*) FROM referral_waiting_list WHERE business_id = :id AND removed_at IS NULL",
                survivor)).isEqualTo(1);
        assertThat(count("referral_waiting_list", survivor)).isEqualTo(2);
        assertThat(text("SELECT concierge::text FROM business_concierge WHERE business_id = :id", survivor))
                .isEqualTo("true");
        JsonNode record = json.readTree(api.get("/api/v1/merges/" + mergeId).body());
        assertThat(record.get("movedRowCounts").get("joined_contacts").asInt()).isEqualTo(1);
        assertThat(record.has("movedRows")).isFalse();
        Set<String> actions = new TreeSet<>();
        record.get("otherModuleRows").forEach(row -> actions.add(row.get("table").asString() + " "
                + row.get("action").asString()));
        assertThat(actions).contains("referral MOVED", "account_manager ENDED", "business_need CLOSED",
                "outreach_exclusion REMOVED", "business_concierge REMOVED", "referral_waiting_list ENDED",
                "needs_assessment SET_ASIDE", "contact_request MOVED", "coordination_request MOVED");
        assertThat(session.get("/businesses/" + survivor + "/merges").body()).contains("Referrals: 2");
        assertThat(session.get("/businesses/" + survivor + "/assessment").body())
                .contains("came from a business merged into this one");

        HttpResponse<String> undo = post(api, "/api/v1/merges/" + mergeId + "/undo", "");

        assertThat(undo.statusCode()).as(undo.body()).isEqualTo(200);
        Map<String, List<String>> survivorAfter = moduleRows(survivor);
        Map<String, List<String>> otherAfter = moduleRows(other);
        for (String table : MODULE_TABLES) {
            assertThat(survivorAfter.get(table)).as("survivor " + table).isEqualTo(survivorBefore.get(table));
            assertThat(otherAfter.get(table)).as("other " + table).isEqualTo(otherBefore.get(table));
        }
        assertThat(notices(endedManager.id(), "You are again the account manager")).isEqualTo(1);
        assertThat(number("SELECT contact_person_id FROM contact_log WHERE id = :id", otherVisit))
                .isEqualTo(joinedPerson);
    }

    @Test
    void onlyOtherManagerMovesToSurvivor() {
        String word = uniqueWord();
        long survivor = business(check, jdbc, word + " Bindery LLC", null, null, "80");
        long other = business(check, jdbc, word + " Bindery Co", null, null, "82");
        TestPartner partner = DirectoryFixtures.createPartner(jdbc);
        UserAccount manager = fixtures.staff(partner);
        long assignment = fixtures.assign(other, manager, MergeFixtures.adminId(jdbc));

        HttpResponse<String> merge = post(admin(port), "/api/v1/businesses/" + survivor + "/merge",
                "{\"otherId\": " + other + ", \"choices\": {\"legal_name\": \"survivor\"}}");

        assertThat(merge.statusCode()).as(merge.body()).isEqualTo(200);
        assertThat(activeAssignments(survivor)).containsExactly(assignment);
        assertThat(jdbc.sql("SELECT end_reason IS NULL AND ended_at IS NULL FROM account_manager WHERE id = :id")
                .param("id", assignment).query(Boolean.class).single()).isTrue();
        assertThat(notices(manager.id(), "You are now the account manager of " + word + " Bindery LLC"))
                .isEqualTo(1);
    }

    @Test
    void undoRejectedAfterReferralChanged() {
        String word = uniqueWord();
        long survivor = business(check, jdbc, word + " Glassworks LLC", null, null, "50");
        long other = business(check, jdbc, word + " Glass Works", null, null, "52");
        TestPartner partner = DirectoryFixtures.createPartner(jdbc);
        long referral = fixtures.referral(other, partner, fixtures.staff(partner));
        ApiClient api = admin(port);
        HttpResponse<String> merge = post(api, "/api/v1/businesses/" + survivor + "/merge",
                "{\"otherId\": " + other + ", \"choices\": {\"legal_name\": \"survivor\"}}");
        long mergeId = json.readTree(merge.body()).get("mergeId").asLong();
        jdbc.sql("UPDATE referral SET status = 'RECEIVED', status_changed_at = now() WHERE id = :id")
                .param("id", referral).update();

        HttpResponse<String> undo = post(api, "/api/v1/merges/" + mergeId + "/undo", "");

        assertThat(undo.statusCode()).as(undo.body()).isEqualTo(409);
        assertThat(undo.body()).contains("referral " + referral + " was changed");
        assertThat(number("SELECT business_id FROM referral WHERE id = :id", referral)).isEqualTo(survivor);
        assertThat(number("SELECT merged_into_id FROM business WHERE id = :id", other)).isEqualTo(survivor);
    }

    @Test
    void failingModuleRollsBackWholeMerge() {
        String word = uniqueWord();
        long survivor = business(check, jdbc, word + " Tannery LLC", null, null, "60");
        long other = business(check, jdbc, word + " Tannery Co", null, null, "62");
        TestPartner partner = DirectoryFixtures.createPartner(jdbc);
        UserAccount manager = fixtures.staff(partner);
        long admin = MergeFixtures.adminId(jdbc);
        fixtures.referral(other, partner, manager);
        fixtures.assign(other, manager, admin);
        fixtures.need(other, partner, "RECRUITMENT");
        fixtures.contact(other, partner, manager, "DONE", null);
        Map<String, List<String>> survivorBefore = moduleRows(survivor);
        Map<String, List<String>> otherBefore = moduleRows(other);
        Map<String, Long> otherChildren = MergeFixtures.childCounts(jdbc, other);
        // The constraint rejects only this survivor's contact log rows, so the engagement listener fails. The rows
        // that the businesses module and any listener called before it moved must roll back with it.
        String constraint = "merge_test_block_" + survivor;
        jdbc.sql("ALTER TABLE contact_log ADD CONSTRAINT " + constraint + " CHECK (business_id <> " + survivor
                + ") NOT VALID").update();
        HttpResponse<String> merge;
        try {
            merge = post(admin(port), "/api/v1/businesses/" + survivor + "/merge",
                    "{\"otherId\": " + other + ", \"choices\": {\"legal_name\": \"survivor\"}}");
        } finally {
            jdbc.sql("ALTER TABLE contact_log DROP CONSTRAINT " + constraint).update();
        }

        assertThat(merge.statusCode()).as(merge.body()).isEqualTo(500);
        assertThat(moduleRows(survivor)).isEqualTo(survivorBefore);
        assertThat(moduleRows(other)).isEqualTo(otherBefore);
        assertThat(MergeFixtures.childCounts(jdbc, other)).isEqualTo(otherChildren);
        assertThat(number("SELECT count(*) FROM business_merge WHERE other_id = :id", other)).isZero();
        assertThat(jdbc.sql("SELECT merged_into_id FROM business WHERE id = :id").param("id", other)
                .query(Long.class).optional()).isEmpty();
        assertThat(notices(manager.id(), survivor + ")")).isZero();
    }

    @Test
    void everyForeignKeyIsHandled() {
        List<String> found = jdbc.sql("""
                        SELECT c.conrelid::regclass::text || '.' || a.attname || ' -> ' || c.confrelid::regclass::text
                        FROM pg_constraint c
                        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
                        WHERE c.contype = 'f'
                          AND c.confrelid IN ('business'::regclass, 'business_contact'::regclass,
                                              'establishment'::regclass)
                        ORDER BY 1
                        """)
                .query(String.class)
                .list();

        assertThat(found).as("foreign keys the merge does not handle yet; handle each and list it in FOREIGN_KEYS")
                .containsExactlyInAnyOrderElementsOf(FOREIGN_KEYS.keySet());
    }

    private long contactPerson(ApiClient api, long businessId, String email) {
        HttpResponse<String> response = post(api, "/api/v1/businesses/" + businessId + "/contact-people",
                "{\"name\": \"Dana Ruiz\", \"email\": \"" + email + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("id").asLong();
    }

    /** Returns every row of the business in the module tables as JSON text, sorted, by table. */
    private Map<String, List<String>> moduleRows(long businessId) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String table : MODULE_TABLES) {
            rows.put(table, new ArrayList<>(jdbc.sql("SELECT to_jsonb(t)::text AS row FROM " + table
                            + " t WHERE business_id = :id ORDER BY 1")
                    .param("id", businessId)
                    .query(String.class)
                    .list()));
        }
        return rows;
    }

    private long count(String table, long businessId) {
        return number("SELECT count(*) FROM " + table + " WHERE business_id = :id", businessId);
    }

    private List<Long> idsOf(String table, long businessId) {
        return jdbc.sql("SELECT id FROM " + table + " WHERE business_id = :id").param("id", businessId)
                .query(Long.class).list();
    }

    private List<Long> activeAssignments(long businessId) {
        return jdbc.sql("SELECT id FROM account_manager WHERE business_id = :id AND ended_at IS NULL")
                .param("id", businessId).query(Long.class).list();
    }

    private long notices(long userId, String subjectPart) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE user_id = :u AND (subject LIKE :s OR body LIKE :s)")
                .param("u", userId)
                .param("s", "%" + subjectPart + "%")
                .query(Long.class)
                .single();
    }

    private String text(String sql, long id) {
        return jdbc.sql(sql).param("id", id).query(String.class).single();
    }

    private long number(String sql, long id) {
        return jdbc.sql(sql).param("id", id).query(Long.class).single();
    }

    private static long previewCount(JsonNode preview, String label) {
        for (JsonNode line : preview) {
            if (line.get("label").asString().equals(label)) {
                return line.get("count").asLong();
            }
        }
        throw new AssertionError("No preview line " + label + " in " + preview);
    }
}
