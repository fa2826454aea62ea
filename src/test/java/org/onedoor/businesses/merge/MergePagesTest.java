package org.onedoor.businesses.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onedoor.businesses.merge.MergeFixtures.admin;
import static org.onedoor.businesses.merge.MergeFixtures.business;
import static org.onedoor.businesses.merge.MergeFixtures.partnerField;
import static org.onedoor.businesses.merge.MergeFixtures.partnerValue;
import static org.onedoor.businesses.merge.MergeFixtures.post;
import static org.onedoor.businesses.merge.MergeFixtures.uniqueFein;
import static org.onedoor.businesses.merge.MergeFixtures.uniqueWord;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onedoor.businesses.DuplicateCheck;
import org.onedoor.support.TestAccounts;
import org.onedoor.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The duplicate review, merge and merges pages, signed in as the administrator without a browser. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MergePagesTest {

    @LocalServerPort
    int port;

    @Autowired
    DuplicateCheck check;

    @Autowired
    JdbcClient jdbc;

    @Test
    void queuePageDismissesPair() {
        String word = uniqueWord();
        long first = business(check, jdbc, word + " Garden Center Inc", null, null, "640");
        long second = business(check, jdbc, word + " Garden Center", null, null, "640");
        MergeFixtures.scan(admin(port), first - 1, second);
        long pairId = jdbc.sql("SELECT id FROM duplicate_pair WHERE lower_id = :first AND higher_id = :second")
                .param("first", first).param("second", second).query(Long.class).single();
        WebSession session = WebSession.signIn(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);

        HttpResponse<String> queue = session.get("/businesses/duplicates");
        HttpResponse<String> dismissed = session.postForm("/businesses/duplicates",
                "/businesses/duplicates/" + pairId + "/dismiss", Map.of());
        HttpResponse<String> after = session.get("/businesses/duplicates?status=DISMISSED");

        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body()).contains("<h1>Duplicate review</h1>").contains("Scan all businesses for duplicates");
        assertThat(dismissed.statusCode()).isEqualTo(302);
        assertThat(after.body()).contains("Dismissed the pair " + word + " Garden Center Inc and " + word
                + " Garden Center. Later scans will not propose it again.");
    }

    @Test
    void mergePageHidesPartnerFieldValuesAndMerges() {
        String word = uniqueWord();
        long survivor = business(check, jdbc, word + " Deli LLC", null, null, "15");
        long other = business(check, jdbc, word + " Delicatessen", null, null, "17");
        String secret = "secret-" + uniqueWord();
        long field = partnerField(jdbc, "CONFIDENTIAL");
        partnerValue(jdbc, survivor, field, secret + "-survivor");
        partnerValue(jdbc, other, field, secret + "-other");
        WebSession session = WebSession.signIn(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
        String mergePage = "/businesses/" + survivor + "/merge/" + other;

        HttpResponse<String> page = session.get(mergePage);
        HttpResponse<String> merged = session.postForm(mergePage, mergePage, Map.of("choice-legal_name", "other"));
        HttpResponse<String> survivorPage = session.get("/businesses/" + survivor);
        HttpResponse<String> merges = session.get("/businesses/" + survivor + "/merges");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("value=\"survivor\"").contains("value=\"other\"")
                .contains(word + " Deli LLC (kept business)").contains(word + " Delicatessen (merged business)");
        assertThat(page.body()).doesNotContain(secret);
        assertThat(merged.statusCode()).as(merged.body()).isEqualTo(302);
        assertThat(merged.headers().firstValue("Location").orElse("")).endsWith("/businesses/" + survivor);
        assertThat(survivorPage.body()).contains("Merged business " + other + " into this business as merge");
        assertThat(survivorPage.body()).contains(word + " Delicatessen");
        assertThat(session.get("/businesses/" + other).statusCode()).isEqualTo(308);
        assertThat(merges.body()).contains("Undo merge").contains("can be undone only while neither business has changed");
    }

    @Test
    void mergePageShowsFeinConflict() {
        String word = uniqueWord();
        String survivorFein = uniqueFein();
        String otherFein = uniqueFein();
        long survivor = business(check, jdbc, word + " Salon LLC", null, survivorFein, "5");
        long other = business(check, jdbc, word + " Salon LLC", null, otherFein, "5");
        WebSession session = WebSession.signIn(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
        String mergePage = "/businesses/" + survivor + "/merge/" + other;

        HttpResponse<String> page = session.get(mergePage);
        HttpResponse<String> rejected = session.postForm(mergePage, mergePage, Map.of());

        assertThat(page.body()).contains("These businesses have different FEINs");
        assertThat(rejected.statusCode()).isEqualTo(409);
        assertThat(rejected.body()).contains("The businesses were not merged")
                .contains("Two different FEINs are different businesses").contains(survivorFein).contains(otherFein);
    }

    @Test
    void mergesPageUndoesMerge() {
        String word = uniqueWord();
        long survivor = business(check, jdbc, word + " Movers LLC", null, null, "800");
        long other = business(check, jdbc, word + " Moving Co", null, null, "802");
        post(admin(port), "/api/v1/businesses/" + survivor + "/merge",
                "{\"otherId\": " + other + ", \"choices\": {\"legal_name\": \"survivor\"}}");
        long mergeId = jdbc.sql("SELECT id FROM business_merge WHERE other_id = :id").param("id", other)
                .query(Long.class).single();
        WebSession session = WebSession.signIn(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
        String mergesPage = "/businesses/" + survivor + "/merges";

        HttpResponse<String> undone = session.postForm(mergesPage, "/businesses/merges/" + mergeId + "/undo", Map.of());
        HttpResponse<String> after = session.get(mergesPage);

        assertThat(undone.statusCode()).isEqualTo(302);
        assertThat(after.body()).contains("Undid merge " + mergeId + ": " + word + " Moving Co (business " + other
                + ") is a separate business again.").contains("Undone ");
        assertThat(session.get("/businesses/" + other).statusCode()).isEqualTo(200);
    }
}
