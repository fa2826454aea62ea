package org.onedoor.businesses.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onedoor.businesses.merge.MergeFixtures.admin;
import static org.onedoor.businesses.merge.MergeFixtures.business;
import static org.onedoor.businesses.merge.MergeFixtures.post;
import static org.onedoor.businesses.merge.MergeFixtures.uniqueWord;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onedoor.businesses.DuplicateCheck;
import org.onedoor.support.ApiClient;
import org.onedoor.support.TestAccounts;
import org.onedoor.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Joins contacts that are the same person while two businesses merge, and undoes it, on the real database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContactJoinMergeTest {

    /** Every row of a business in the tables a contact join touches, as JSON text, in id order. */
    private static final List<String> SNAPSHOT_TABLES = List.of("business_contact", "business_fact",
            "business_history", "establishment", "business_source_record");

    @LocalServerPort
    int port;

    @Autowired
    DuplicateCheck check;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Test
    void sameEmailAndSameNamePhoneJoin() {
        String word = uniqueWord();
        long survivor = business(check, jdbc, word + " Tile LLC", null, null, "31");
        long other = business(check, jdbc, word + " Tile Company", null, null, "33");
        ApiClient api = admin(port);
        long kim = contact(api, survivor, "{\"name\": \"Kim Tran\", \"email\": \"kim.tran@" + word + ".example\"}");
        long kimAgain = contact(api, other, "{\"name\": \"Kimberly Tran\", \"email\": \"KIM.TRAN@" + word
                + ".example\", \"role\": \"Owner\", \"phones\": [\"(574) 555-0101\"]}");
        long raj = contact(api, survivor, "{\"name\": \"Raj Patel\", \"role\": \"Manager\", \"phones\": [\"574-555-0199\"]}");
        long rajAgain = contact(api, other, "{\"name\": \"RAJ PATEL\", \"role\": \"Hiring manager\", "
                + "\"phones\": [\"(574) 555-0199\", \"(574) 555-0123\"]}");
        long info = contact(api, survivor, "{\"name\": \"Front office\", \"email\": \"info@" + word + ".example\"}");
        long infoAgain = contact(api, other, "{\"name\": \"Lee Moss\", \"email\": \"info@" + word + ".example\"}");
        long hr = contact(api, survivor, "{\"name\": \"HR Department\", \"phones\": [\"574-555-0150\"]}");
        long hrAgain = contact(api, other, "{\"name\": \"HR Department\", \"phones\": [\"574-555-0150\"]}");

        HttpResponse<String> pairs = api.get("/api/v1/businesses/" + survivor + "/merge/" + other + "/contact-pairs");
        HttpResponse<String> merge = post(api, "/api/v1/businesses/" + survivor + "/merge",
                "{\"otherId\": " + other + ", \"choices\": {\"legal_name\": \"survivor\"}}");

        assertThat(pairs.statusCode()).as(pairs.body()).isEqualTo(200);
        JsonNode pairList = json.readTree(pairs.body());
        assertThat(pairList.size()).as(pairs.body()).isEqualTo(2);
        assertThat(pairList.get(0).get("keptId").asLong()).isEqualTo(kim);
        assertThat(pairList.get(0).get("joinedId").asLong()).isEqualTo(kimAgain);
        assertThat(pairList.get(0).get("reason").asString()).isEqualTo("Same email address");
        assertThat(pairList.get(1).get("keptId").asLong()).isEqualTo(raj);
        assertThat(pairList.get(1).get("reason").asString()).isEqualTo("Same name and phone number");
        assertThat(merge.statusCode()).as(merge.body()).isEqualTo(200);
        assertThat(json.readTree(merge.body()).get("movedRows").get("joined_contacts").asInt()).isEqualTo(2);
        assertThat(contactIds(survivor)).containsExactlyInAnyOrder(kim, raj, info, infoAgain, hr, hrAgain);
        assertThat(contactIds(other)).isEmpty();

        Map<String, Object> kimRow = contactRow(kim);
        assertThat(kimRow.get("name")).isEqualTo("Kim Tran");
        assertThat(kimRow.get("role")).as("filled from the joined contact").isEqualTo("Owner");
        assertThat(kimRow.get("phones")).isEqualTo("{\"(574) 555-0101\"}");
        Map<String, Object> rajRow = contactRow(raj);
        assertThat(rajRow.get("role")).isEqualTo("Manager");
        assertThat(rajRow.get("phones")).isEqualTo("{574-555-0199,\"(574) 555-0123\"}");

        assertThat(historyOf(raj, "contact.role", "CONFLICT")).containsExactly("Manager -> Hiring manager");
        assertThat(historyOf(kim, "contact.name", "CONFLICT")).containsExactly("Kim Tran -> Kimberly Tran");
        assertThat(count("SELECT count(*) FROM business_history WHERE contact_id IN (:a, :b)", kimAgain, rajAgain))
                .as("history rows of joined contacts point to the kept ones").isZero();
        assertThat(count("SELECT count(*) FROM business_history WHERE contact_id = :a AND field = 'contact.email' "
                + "AND merge_id IS NULL AND business_id = :b", kim, survivor))
                .as("the joined contact's own email history now names the kept contact").isEqualTo(2);
        assertThat(jdbc.sql("""
                        SELECT source_kind || ' ' || value FROM business_fact WHERE contact_id = :id AND field = 'contact.role'
                        """).param("id", kim).query(String.class).single())
                .as("the role keeps the provenance it was collected with").isEqualTo("STAFF_ENTRY Owner");
        assertThat(count("SELECT count(*) FROM business_fact WHERE contact_id IN (:a, :b)", kimAgain, rajAgain))
                .isZero();
    }

    @Test
    void keptSeparatePairStaysApart() {
        String word = uniqueWord();
        long survivor = business(check, jdbc, word + " Glass LLC", null, null, "41");
        long other = business(check, jdbc, word + " Glass Co", null, null, "43");
        ApiClient api = admin(port);
        long kept = contact(api, survivor, "{\"name\": \"Ida Cole\", \"email\": \"ida@" + word + ".example\"}");
        long joined = contact(api, other, "{\"name\": \"Ida Cole\", \"email\": \"ida@" + word + ".example\"}");

        HttpResponse<String> invalid = post(api, "/api/v1/businesses/" + survivor + "/merge", "{\"otherId\": " + other
                + ", \"choices\": {\"legal_name\": \"survivor\"}, \"keepContactsSeparate\": [" + kept + "]}");
        HttpResponse<String> merge = post(api, "/api/v1/businesses/" + survivor + "/merge", "{\"otherId\": " + other
                + ", \"choices\": {\"legal_name\": \"survivor\"}, \"keepContactsSeparate\": [" + joined + "]}");

        assertThat(invalid.statusCode()).as(invalid.body()).isEqualTo(400);
        assertThat(invalid.body()).contains("Contact " + kept + " of business " + other + " is not in any pair");
        assertThat(merge.statusCode()).as(merge.body()).isEqualTo(200);
        assertThat(contactIds(survivor)).containsExactlyInAnyOrder(kept, joined);
    }

    @Test
    void undoRestoresBothContacts() {
        String word = uniqueWord();
        long survivor = business(check, jdbc, word + " Paint LLC", null, null, "51");
        long other = business(check, jdbc, word + " Paint Co", null, null, "53");
        ApiClient api = admin(port);
        contact(api, survivor, "{\"name\": \"Noor Ali\", \"phones\": [\"574-555-0177\"]}");
        contact(api, other, "{\"name\": \"Noor Ali\", \"email\": \"noor@" + word + ".example\", "
                + "\"phones\": [\"574-555-0177\", \"574-555-0178\"], \"preferredMethod\": \"EMAIL\"}");
        Map<String, List<String>> survivorBefore = snapshot(survivor);
        Map<String, List<String>> otherBefore = snapshot(other);
        HttpResponse<String> merge = post(api, "/api/v1/businesses/" + survivor + "/merge",
                "{\"otherId\": " + other + ", \"choices\": {\"legal_name\": \"other\"}}");
        assertThat(merge.statusCode()).as(merge.body()).isEqualTo(200);
        assertThat(json.readTree(merge.body()).get("movedRows").get("joined_contacts").asInt()).isEqualTo(1);
        long mergeId = json.readTree(merge.body()).get("mergeId").asLong();

        HttpResponse<String> undo = post(api, "/api/v1/merges/" + mergeId + "/undo", "");

        assertThat(undo.statusCode()).as(undo.body()).isEqualTo(200);
        Map<String, List<String>> survivorAfter = snapshot(survivor);
        Map<String, List<String>> otherAfter = snapshot(other);
        for (String table : SNAPSHOT_TABLES) {
            assertThat(survivorAfter.get(table)).as("survivor " + table).isEqualTo(survivorBefore.get(table));
            assertThat(otherAfter.get(table)).as("other " + table).isEqualTo(otherBefore.get(table));
        }
    }

    @Test
    void failedMergeRollsBackContactJoin() {
        String word = uniqueWord();
        long survivor = business(check, jdbc, word + " Roof LLC", null, null, "61");
        long other = business(check, jdbc, word + " Roof Co", null, null, "63");
        ApiClient api = admin(port);
        String failingName = "Rollback " + word;
        contact(api, survivor, "{\"name\": \"" + failingName + "\", \"email\": \"r@" + word + ".example\"}");
        contact(api, other, "{\"name\": \"" + failingName + "\", \"email\": \"r@" + word + ".example\", "
                + "\"role\": \"Owner\"}");
        Map<String, List<String>> survivorBefore = snapshot(survivor);
        Map<String, List<String>> otherBefore = snapshot(other);
        String businessBefore = businessRows(survivor, other);
        // The trigger fails the merge at its last contact step, after rows have moved and values have changed.
        jdbc.sql("""
                CREATE FUNCTION fail_contact_delete_for_test() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'contact delete failed on purpose';
                END $$
                """).update();
        jdbc.sql("""
                CREATE TRIGGER fail_contact_delete_for_test BEFORE DELETE ON business_contact FOR EACH ROW
                WHEN (OLD.name LIKE 'Rollback %') EXECUTE FUNCTION fail_contact_delete_for_test()
                """).update();
        HttpResponse<String> merge;
        try {
            merge = post(api, "/api/v1/businesses/" + survivor + "/merge",
                    "{\"otherId\": " + other + ", \"choices\": {\"legal_name\": \"other\"}}");
        } finally {
            jdbc.sql("DROP TRIGGER fail_contact_delete_for_test ON business_contact").update();
            jdbc.sql("DROP FUNCTION fail_contact_delete_for_test()").update();
        }

        assertThat(merge.statusCode()).as(merge.body()).isEqualTo(500);
        assertThat(count("SELECT count(*) FROM business_merge WHERE other_id = :a OR survivor_id = :b", other, survivor))
                .isZero();
        assertThat(businessRows(survivor, other)).isEqualTo(businessBefore);
        Map<String, List<String>> survivorAfter = snapshot(survivor);
        Map<String, List<String>> otherAfter = snapshot(other);
        for (String table : SNAPSHOT_TABLES) {
            assertThat(survivorAfter.get(table)).as("survivor " + table).isEqualTo(survivorBefore.get(table));
            assertThat(otherAfter.get(table)).as("other " + table).isEqualTo(otherBefore.get(table));
        }
    }

    @Test
    void mergePageListsPairsAndKeepsUncheckedApart() {
        String word = uniqueWord();
        long survivor = business(check, jdbc, word + " Fence LLC", null, null, "71");
        long other = business(check, jdbc, word + " Fence Co", null, null, "73");
        ApiClient api = admin(port);
        long kept = contact(api, survivor, "{\"name\": \"Ola Berg\", \"email\": \"ola@" + word + ".example\"}");
        long joined = contact(api, other, "{\"name\": \"Ola Berg\", \"email\": \"ola@" + word + ".example\"}");
        WebSession session = WebSession.signIn(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
        String mergePage = "/businesses/" + survivor + "/merge/" + other;

        HttpResponse<String> page = session.get(mergePage);
        HttpResponse<String> merged = session.postForm(mergePage, mergePage, Map.of("choice-legal_name", "survivor",
                "contact-pairs-shown", String.valueOf(joined)));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Contacts that are the same person")
                .contains("id=\"join-contact-" + joined + "\"").contains("Same email address");
        assertThat(merged.statusCode()).as(merged.body()).isEqualTo(302);
        assertThat(contactIds(survivor)).containsExactlyInAnyOrder(kept, joined);
    }

    private long contact(ApiClient api, long businessId, String body) {
        HttpResponse<String> response = post(api, "/api/v1/businesses/" + businessId + "/contact-people", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("id").asLong();
    }

    private List<Long> contactIds(long businessId) {
        return jdbc.sql("SELECT id FROM business_contact WHERE business_id = :id").param("id", businessId)
                .query(Long.class).list();
    }

    private Map<String, Object> contactRow(long contactId) {
        return jdbc.sql("SELECT name, role, email, phones::text AS phones FROM business_contact WHERE id = :id")
                .param("id", contactId).query().singleRow();
    }

    private List<String> historyOf(long contactId, String field, String action) {
        return jdbc.sql("""
                        SELECT old_value || ' -> ' || new_value FROM business_history
                        WHERE contact_id = :id AND field = :field AND action = :action AND merge_id IS NOT NULL
                        """)
                .param("id", contactId).param("field", field).param("action", action).query(String.class).list();
    }

    private long count(String sql, long first, long second) {
        return jdbc.sql(sql).param("a", first).param("b", second).query(Long.class).single();
    }

    private String businessRows(long survivor, long other) {
        return jdbc.sql("SELECT string_agg(to_jsonb(b)::text, ';' ORDER BY id) FROM business b WHERE id IN (:a, :b)")
                .param("a", survivor).param("b", other).query(String.class).single();
    }

    private Map<String, List<String>> snapshot(long businessId) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String table : SNAPSHOT_TABLES) {
            rows.put(table, jdbc.sql("SELECT to_jsonb(t)::text FROM " + table + " t WHERE business_id = :id ORDER BY id")
                    .param("id", businessId).query(String.class).list());
        }
        return rows;
    }
}
