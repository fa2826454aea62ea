package org.onedoor.demand;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.businesses.BusinessRegistry;
import org.onedoor.demand.DemandFixtures.Area;
import org.onedoor.directory.DirectoryFixtures.TestPartner;
import org.onedoor.identity.Role;
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
 * Compares the demand figures of the API, the CSV download and the page tables with figures computed by hand for
 * a fixed set of needs, offers and unmet needs in a test area.
 *
 * <p>The fixture, in the report zone America/Indiana/Indianapolis (A and B are partners, C1 and C2 counties,
 * b1 to b3 businesses, sector S1 is 31-33 and S2 is 62):
 * <pre>
 * need  business type              sector county partner raised (UTC)        month
 * n1    b1       HIRE              S1     C1     A       2026-03-10 15:00    2026-03
 * n2    b1       TRAIN_NEW_HIRES   S1     C1     A       2026-03-12 15:00    2026-03
 * n3    b2       HIRE              S2     C2     B       2026-04-01 03:00    2026-03 (23:00 on 31 March, local)
 * n4    b2       LAYOFF            S2     C2     B       2026-04-15 15:00    2026-04
 * n5    b3       HIRE              S1     C2     A       2026-04-20 15:00    2026-04
 * n6    b3       LAYOFF            S1     C2     B       2026-04-21 15:00    2026-04
 * n7    b1       TRAIN_NEW_HIRES   S1     C1     A       2026-03-05 15:00    2026-03
 * n8    b1       TRAIN_NEW_HIRES   S1     C1     A       2026-04-03 15:00    2026-04
 *
 * offer need partner recorded (UTC)   answer
 * o1    n1   B       2026-03-11 15:00 ACCEPTED
 * o2    n2   A       2026-04-02 15:00 DEFERRED
 * o3    n3   B       2026-04-16 15:00 DECLINED
 * o4    n5   A       2026-04-22 15:00 ACCEPTED
 * o5    n4   B       2026-04-16 15:00 no offer made (not counted)
 * o6    n7   A       2026-03-06 15:00 DECLINED
 * o7    n8   A       2026-04-04 15:00 DECLINED
 *
 * unmet need partner logged (UTC)     reason
 * u1    n4   B       2026-04-15 15:00 NO_SERVICE
 * u2    n6   B       2026-04-21 15:00 NO_CAPACITY
 * u3    n2   A       2026-03-12 15:00 NOT_ELIGIBLE
 * u5    n7   A       2026-03-05 15:00 NOT_ELIGIBLE
 * u6    n8   A       2026-04-03 15:00 NO_SERVICE
 * </pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemandFiguresTest {

    /** Needs raised, offers made, offers accepted and unmet needs. */
    record Figures(long needs, long offers, long accepted, long unmet) {
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BusinessRegistry registry;

    @Autowired
    JsonMapper json;

    @Autowired
    UserAccounts accounts;

    private Area area;
    private long partnerA;
    private long partnerB;
    private String c1;
    private String c2;
    private UserAccount staff;

    @BeforeEach
    void setUp() {
        area = DemandFixtures.area(jdbc);
        partnerA = area.partner().partnerId();
        TestPartner second = DemandFixtures.secondPartner(jdbc, area.areaId());
        partnerB = second.partnerId();
        c1 = area.countyFips();
        c2 = DemandFixtures.area(jdbc).countyFips();
        long b1 = DemandFixtures.business(registry, c1);
        long b2 = DemandFixtures.business(registry, c2);
        long b3 = DemandFixtures.business(registry, c2);

        long n1 = need(b1, "HIRE", "31-33", c1, partnerA, "2026-03-10T15:00:00Z", true);
        long n2 = need(b1, "TRAIN_NEW_HIRES", "31-33", c1, partnerA, "2026-03-12T15:00:00Z", false);
        long n3 = need(b2, "HIRE", "62", c2, partnerB, "2026-04-01T03:00:00Z", true);
        long n4 = need(b2, "LAYOFF", "62", c2, partnerB, "2026-04-15T15:00:00Z", false);
        long n5 = need(b3, "HIRE", "31-33", c2, partnerA, "2026-04-20T15:00:00Z", true);
        long n6 = need(b3, "LAYOFF", "31-33", c2, partnerB, "2026-04-21T15:00:00Z", false);
        long n7 = need(b1, "TRAIN_NEW_HIRES", "31-33", c1, partnerA, "2026-03-05T15:00:00Z", true);
        long n8 = need(b1, "TRAIN_NEW_HIRES", "31-33", c1, partnerA, "2026-04-03T15:00:00Z", true);

        offer(b1, n1, partnerB, "2026-03-11T15:00:00Z", "ACCEPTED");
        offer(b1, n2, partnerA, "2026-04-02T15:00:00Z", "DEFERRED");
        offer(b2, n3, partnerB, "2026-04-16T15:00:00Z", "DECLINED");
        offer(b3, n5, partnerA, "2026-04-22T15:00:00Z", "ACCEPTED");
        jdbc.sql("""
                        INSERT INTO need_offer (business_id, need_id, kind, partner_id, recorded_at, no_offer_reason)
                        VALUES (:businessId, :needId, 'NO_OFFER', :partnerId, :at, 'NO_SUITABLE_SERVICE')""")
                .param("businessId", b2).param("needId", n4).param("partnerId", partnerB)
                .param("at", java.sql.Timestamp.from(Instant.parse("2026-04-16T15:00:00Z")))
                .update();
        offer(b1, n7, partnerA, "2026-03-06T15:00:00Z", "DECLINED");
        offer(b1, n8, partnerA, "2026-04-04T15:00:00Z", "DECLINED");

        unmet(n4, b2, "LAYOFF", "62", c2, "NO_SERVICE", partnerB, "2026-04-15T15:00:00Z");
        unmet(n6, b3, "LAYOFF", "31-33", c2, "NO_CAPACITY", partnerB, "2026-04-21T15:00:00Z");
        unmet(n2, b1, "TRAIN_NEW_HIRES", "31-33", c1, "NOT_ELIGIBLE", partnerA, "2026-03-12T15:00:00Z");
        unmet(n7, b1, "TRAIN_NEW_HIRES", "31-33", c1, "NOT_ELIGIBLE", partnerA, "2026-03-05T15:00:00Z");
        unmet(n8, b1, "TRAIN_NEW_HIRES", "31-33", c1, "NO_SERVICE", partnerA, "2026-04-03T15:00:00Z");

        staff = DemandFixtures.account(accounts, Role.STAFF, partnerA);
    }

    private long need(long businessId, String code, String sector, String county, long partnerId, String at,
                      boolean closed) {
        return jdbc.sql("""
                        INSERT INTO business_need (business_id, need_code, source, partner_id, area_id, raised_at,
                                                   naics_sector, county_fips, status, closed_at)
                        VALUES (:businessId, :code, 'STAFF', :partnerId, :areaId, :at, :sector, :county,
                                :status, :closedAt)
                        RETURNING id""")
                .param("businessId", businessId)
                .param("code", code)
                .param("partnerId", partnerId)
                .param("areaId", area.areaId())
                .param("at", java.sql.Timestamp.from(Instant.parse(at)))
                .param("sector", sector)
                .param("county", county)
                .param("status", closed ? "CLOSED" : "OPEN")
                .param("closedAt", closed ? java.sql.Timestamp.from(Instant.parse(at).plusSeconds(86_400)) : null)
                .query(Long.class)
                .single();
    }

    private void offer(long businessId, long needId, long partnerId, String at, String answer) {
        jdbc.sql("""
                        INSERT INTO need_offer (business_id, need_id, kind, partner_id, recorded_at, answer, follow_up,
                                                decline_reason, deferred_until)
                        VALUES (:businessId, :needId, 'OFFER', :partnerId, :at, :answer, :followUp, :declineReason,
                                :deferredUntil)""")
                .param("businessId", businessId)
                .param("needId", needId)
                .param("partnerId", partnerId)
                .param("at", java.sql.Timestamp.from(Instant.parse(at)))
                .param("answer", answer)
                .param("followUp", answer.equals("ACCEPTED") ? "REFERRAL" : null)
                .param("declineReason", answer.equals("DECLINED") ? "Not now" : null)
                .param("deferredUntil", answer.equals("DEFERRED") ? java.time.LocalDate.parse("2026-05-01") : null)
                .update();
    }

    private void unmet(long needId, long businessId, String code, String sector, String county, String reason,
                       long partnerId, String at) {
        jdbc.sql("""
                        INSERT INTO unmet_need (need_id, business_id, need_code, naics_sector, county_fips, reason,
                                                services_considered, partner_id, area_id, recorded_at)
                        VALUES (:needId, :businessId, :code, :sector, :county, :reason, 0, :partnerId, :areaId, :at)""")
                .param("needId", needId)
                .param("businessId", businessId)
                .param("code", code)
                .param("sector", sector)
                .param("county", county)
                .param("reason", reason)
                .param("partnerId", partnerId)
                .param("areaId", area.areaId())
                .param("at", java.sql.Timestamp.from(Instant.parse(at)))
                .update();
    }

    /** The hand-computed figures of the whole fixture, by section and code as the CSV names them. */
    private Map<String, Figures> expected() {
        Map<String, Figures> expected = new HashMap<>();
        expected.put("total/", new Figures(8, 6, 2, 5));
        expected.put("need_type/HIRE", new Figures(3, 3, 2, 0));
        expected.put("need_type/TRAIN_NEW_HIRES", new Figures(3, 3, 0, 3));
        expected.put("need_type/LAYOFF", new Figures(2, 0, 0, 2));
        expected.put("naics_sector/31-33", new Figures(6, 5, 2, 4));
        expected.put("naics_sector/62", new Figures(2, 1, 0, 1));
        expected.put("county/" + c1, new Figures(4, 4, 1, 3));
        expected.put("county/" + c2, new Figures(4, 2, 1, 2));
        expected.put("partner/" + partnerA, new Figures(5, 4, 1, 3));
        expected.put("partner/" + partnerB, new Figures(3, 2, 1, 2));
        expected.put("month/2026-03", new Figures(4, 2, 1, 2));
        expected.put("month/2026-04", new Figures(4, 4, 1, 3));
        return expected;
    }

    @Test
    void apiFiguresMatchHandComputed() {
        ApiClient api = DemandFixtures.api(port, staff);
        HttpResponse<String> response = api.get("/api/v1/reports/demand?area=" + area.areaId());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode report = json.readTree(response.body());

        Map<String, Figures> actual = new HashMap<>();
        actual.put("total/", figures(report.get("totals")));
        Map<String, String> sections = Map.of("byNeedType", "need_type", "bySector", "naics_sector",
                "byCounty", "county", "byPartner", "partner", "byMonth", "month");
        sections.forEach((field, section) -> report.get(field).forEach(row ->
                actual.put(section + "/" + row.get("code").asString(), figures(row.get("figures")))));

        assertThat(actual).isEqualTo(expected());
        assertThat(report.get("byMonth").get(0).get("code").asString()).isEqualTo("2026-03");
        assertThat(report.get("timeZone").asString()).isEqualTo("America/Indiana/Indianapolis");

        JsonNode byCount = report.get("unmetByCount");
        assertThat(byCount.size()).isEqualTo(2);
        assertRank(byCount.get(0), "TRAIN_NEW_HIRES", 3, 1, 1, 0, 0, 2);
        assertRank(byCount.get(1), "LAYOFF", 2, 2, 1, 1, 0, 0);
        JsonNode byBusinesses = report.get("unmetByBusinesses");
        assertThat(byBusinesses.get(0).get("needCode").asString()).isEqualTo("LAYOFF");
        assertThat(byBusinesses.get(1).get("needCode").asString()).isEqualTo("TRAIN_NEW_HIRES");
    }

    private static Figures figures(JsonNode node) {
        return new Figures(node.get("needsRaised").asLong(), node.get("offersMade").asLong(),
                node.get("offersAccepted").asLong(), node.get("unmetNeeds").asLong());
    }

    private static void assertRank(JsonNode rank, String code, long unmet, long businesses, long noService,
                                   long noCapacity, long unknown, long notEligible) {
        assertThat(rank.get("needCode").asString()).isEqualTo(code);
        assertThat(rank.get("unmetNeeds").asLong()).as(code + " unmet").isEqualTo(unmet);
        assertThat(rank.get("businessesAffected").asLong()).as(code + " businesses").isEqualTo(businesses);
        assertThat(rank.get("noService").asLong()).as(code + " no service").isEqualTo(noService);
        assertThat(rank.get("noCapacity").asLong()).as(code + " no capacity").isEqualTo(noCapacity);
        assertThat(rank.get("eligibilityUnknown").asLong()).as(code + " unknown").isEqualTo(unknown);
        assertThat(rank.get("notEligible").asLong()).as(code + " not eligible").isEqualTo(notEligible);
    }

    @Test
    void apiFiltersMatchHandComputed() {
        ApiClient api = DemandFixtures.api(port, staff);

        assertThat(totals(api, "&from=2026-04&to=2026-04&partner=" + partnerA)).isEqualTo(new Figures(2, 3, 1, 1));
        assertThat(totals(api, "&sector=62")).isEqualTo(new Figures(2, 1, 0, 1));
        assertThat(totals(api, "&county=" + c1 + "&to=2026-03")).isEqualTo(new Figures(3, 2, 1, 2));
        assertThat(totals(api, "&needType=LAYOFF")).isEqualTo(new Figures(2, 0, 0, 2));
        assertThat(totals(api, "&from=2026-05")).isEqualTo(new Figures(0, 0, 0, 0));
    }

    private Figures totals(ApiClient api, String filters) {
        HttpResponse<String> response = api.get("/api/v1/reports/demand?area=" + area.areaId() + filters);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return figures(json.readTree(response.body()).get("totals"));
    }

    @Test
    void invalidFiltersAreNamed() {
        ApiClient api = DemandFixtures.api(port, staff);

        HttpResponse<String> response = api.get("/api/v1/reports/demand?from=March&sector=99&to=2026-01&county=1");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("'March'").contains("'99'").contains("'1'");
        HttpResponse<String> reversed = api.get("/api/v1/reports/demand?from=2026-04&to=2026-03");
        assertThat(reversed.statusCode()).isEqualTo(400);
        assertThat(reversed.body()).contains("2026-03 is before");
        HttpResponse<String> unknown = api.get("/api/v1/reports/demand?needType=HIRED&partner=999999999");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("'HIRED' is unknown").contains("Partner 999999999 is not found");
    }

    @Test
    void csvFiguresMatchHandComputed() throws IOException {
        WebSession session = WebSession.signIn(port, staff.email(), TestAccounts.PASSWORD);
        HttpResponse<String> response = session.get("/demand/export.csv?area=" + area.areaId());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");

        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(response.body())).getRecords();
        Map<String, Figures> actual = new HashMap<>();
        Map<String, CSVRecord> ranks = new HashMap<>();
        for (CSVRecord record : records) {
            if (record.get("section").equals("unmet_need_type")) {
                ranks.put(record.get("code"), record);
            } else {
                actual.put(record.get("section") + "/" + record.get("code"), new Figures(
                        Long.parseLong(record.get("needs_raised")), Long.parseLong(record.get("offers_made")),
                        Long.parseLong(record.get("offers_accepted")), Long.parseLong(record.get("unmet_needs"))));
            }
        }

        assertThat(actual).isEqualTo(expected());
        assertThat(ranks.get("TRAIN_NEW_HIRES").get("unmet_needs")).isEqualTo("3");
        assertThat(ranks.get("TRAIN_NEW_HIRES").get("businesses_affected")).isEqualTo("1");
        assertThat(ranks.get("TRAIN_NEW_HIRES").get("not_eligible")).isEqualTo("2");
        assertThat(ranks.get("LAYOFF").get("businesses_affected")).isEqualTo("2");
        assertThat(ranks.get("LAYOFF").get("no_capacity")).isEqualTo("1");
    }

    @Test
    void pageTablesMatchHandComputed() {
        WebSession session = WebSession.signIn(port, staff.email(), TestAccounts.PASSWORD);
        HttpResponse<String> response = session.get("/demand?area=" + area.areaId());
        assertThat(response.statusCode()).isEqualTo(200);
        String html = response.body();

        Map<String, Figures> actual = new HashMap<>();
        actual.put("total/", new Figures(number(html, "total-needs"), number(html, "total-offers"),
                number(html, "total-accepted"), number(html, "total-unmet")));
        Map<String, String> tables = Map.of("table-need-type", "need_type", "table-sector", "naics_sector",
                "table-county", "county", "table-partner", "partner", "table-month", "month");
        tables.forEach((table, section) -> tableRows(html, table).forEach((code, cells) ->
                actual.put(section + "/" + code, new Figures(cells.get(0), cells.get(1), cells.get(2), cells.get(3)))));

        assertThat(actual).isEqualTo(expected());
        assertThat(tableRows(html, "table-unmet-count").keySet()).containsExactly("TRAIN_NEW_HIRES", "LAYOFF");
        assertThat(tableRows(html, "table-unmet-businesses").keySet()).containsExactly("LAYOFF", "TRAIN_NEW_HIRES");
        assertThat(tableRows(html, "table-unmet-count").get("TRAIN_NEW_HIRES")).containsExactly(1L, 3L, 1L, 1L, 0L,
                0L, 2L);
    }

    private static long number(String html, String id) {
        Matcher matcher = Pattern.compile("id=\"" + id + "\">(\\d+)<").matcher(html);
        assertThat(matcher.find()).as("element " + id).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    /** Reads the numeric cells of each row of a table, keyed by the row's data-code, in page order. */
    private static Map<String, List<Long>> tableRows(String html, String tableId) {
        int start = html.indexOf("id=\"" + tableId + "\"");
        assertThat(start).as("table " + tableId).isNotNegative();
        String table = html.substring(start, html.indexOf("</table>", start));
        Map<String, List<Long>> rows = new java.util.LinkedHashMap<>();
        Matcher row = Pattern.compile("<tr data-code=\"([^\"]*)\">(.*?)</tr>", Pattern.DOTALL).matcher(table);
        while (row.find()) {
            Matcher cell = Pattern.compile("<td[^>]*>(\\d+)</td>").matcher(row.group(2));
            List<Long> cells = new java.util.ArrayList<>();
            while (cell.find()) {
                cells.add(Long.parseLong(cell.group(1)));
            }
            rows.put(row.group(1), cells);
        }
        return rows;
    }
}
