package org.onedoor.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onedoor.assessment.AssessmentFixtures.api;
import static org.onedoor.assessment.AssessmentFixtures.patch;
import static org.onedoor.assessment.AssessmentFixtures.post;
import static org.onedoor.assessment.AssessmentFixtures.put;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.businesses.BusinessRegistry;
import org.onedoor.directory.DirectoryFixtures;
import org.onedoor.directory.DirectoryFixtures.TestPartner;
import org.onedoor.identity.Role;
import org.onedoor.identity.UserAccount;
import org.onedoor.identity.UserAccounts;
import org.onedoor.support.ApiClient;
import org.onedoor.support.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Starts, blocks, updates and versions needs assessments through the API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(AssessmentApiTest.EventsConfiguration.class)
class AssessmentApiTest {

    @LocalServerPort
    int port;

    @Autowired
    BusinessRegistry registry;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    CompletedEvents completedEvents;

    private final UserAccounts accounts;

    private TestPartner partner;
    private UserAccount staff;
    private ApiClient staffApi;
    private ApiClient otherPartnerApi;
    private ApiClient adminApi;
    private long businessId;

    @Autowired
    AssessmentApiTest(UserAccounts accounts) {
        this.accounts = accounts;
    }

    /** Collects the completion events, which listeners receive inside the completing transaction. */
    static class CompletedEvents {

        final List<AssessmentCompleted> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(AssessmentCompleted event) {
            events.add(event);
        }
    }

    @TestConfiguration
    static class EventsConfiguration {

        @Bean
        CompletedEvents completedEvents() {
            return new CompletedEvents();
        }
    }

    @BeforeEach
    void setUp() {
        partner = DirectoryFixtures.createPartner(jdbc);
        staff = AssessmentFixtures.account(accounts, Role.STAFF, partner.partnerId());
        staffApi = api(port, staff);
        TestPartner other = DirectoryFixtures.createPartner(jdbc);
        otherPartnerApi = api(port, AssessmentFixtures.account(accounts, Role.STAFF, other.partnerId()));
        adminApi = ApiClient.as(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
        businessId = AssessmentFixtures.business(registry);
    }

    private String path() {
        return "/api/v1/businesses/" + businessId + "/assessments";
    }

    private JsonNode start(ApiClient api, String answers) {
        HttpResponse<String> response = post(api, path(), "{\"answers\": " + answers + "}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body());
    }

    private void expireCurrent() {
        jdbc.sql("""
                        UPDATE needs_assessment SET completed_at = completed_at - interval '13 months',
                               valid_until = valid_until - interval '13 months'
                        WHERE business_id = :id""")
                .param("id", businessId)
                .update();
    }

    private static JsonNode answer(JsonNode body, String code) {
        for (JsonNode answer : body.get("answers")) {
            if (answer.get("code").asString().equals(code)) {
                return answer;
            }
        }
        throw new AssertionError("No answer to question " + code + " in " + body);
    }

    @Test
    void secondAssessmentBlockedWhileValid() {
        JsonNode first = start(staffApi, "{\"hard-to-fill\": \"yes\", \"tax-credits\": true}");

        HttpResponse<String> second = post(otherPartnerApi, path(), "{\"answers\": {\"hard-to-fill\": \"no\"}}");

        assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
        JsonNode problem = json.readTree(second.body());
        assertThat(problem.get("detail").asString()).contains("is valid until").contains("Update it instead");
        assertThat(problem.get("currentAssessment").get("id").asLong())
                .isEqualTo(first.get("assessment").get("id").asLong());
        JsonNode current = json.readTree(otherPartnerApi.get(path() + "/current").body());
        assertThat(current.get("assessment").get("needCodes").toString()).isEqualTo("[\"HIRE\",\"TAX_CREDITS\"]");
        assertThat(current.get("newAssessmentAllowed").asBoolean()).isFalse();
        assertThat(current.get("startReason").asString()).isEqualTo("VALID");
        assertThat(jdbc.sql("SELECT count(*) FROM needs_assessment WHERE business_id = :id").param("id", businessId)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void completionPublishesEvent() {
        JsonNode started = start(staffApi, "{\"turnover-concern\": \"yes\"}");

        long assessmentId = started.get("assessment").get("id").asLong();
        AssessmentCompleted event = completedEvents.events.stream()
                .filter(candidate -> candidate.assessmentId() == assessmentId).findFirst().orElseThrow();
        assertThat(event.businessId()).isEqualTo(businessId);
        assertThat(event.needCodes()).containsExactly("RETAIN");
        assertThat(event.partnerId()).isEqualTo(partner.partnerId());
        assertThat(event.userId()).isEqualTo(staff.id());
    }

    @Test
    void currentIsNotFoundWithoutAssessment() {
        HttpResponse<String> response = staffApi.get(path() + "/current");

        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void newAssessmentAllowedAfterExpiry() {
        start(staffApi, "{}");
        expireCurrent();

        JsonNode before = json.readTree(staffApi.get(path() + "/current").body());
        assertThat(before.get("newAssessmentAllowed").asBoolean()).isTrue();
        assertThat(before.get("startMessage").asString()).contains("expired on");
        JsonNode second = start(otherPartnerApi, "{}");

        assertThat(second.get("assessment").get("valid").asBoolean()).isTrue();
        assertThat(jdbc.sql("SELECT start_reason FROM needs_assessment WHERE id = :id")
                .param("id", second.get("assessment").get("id").asLong()).query(String.class).single())
                .isEqualTo("EXPIRED");
    }

    @Test
    void newAssessmentAllowedAfterLayoffNotice() {
        start(staffApi, "{}");
        HttpResponse<String> patched = patch(staffApi, "/api/v1/businesses/" + businessId,
                "{\"layoffAnnounced\": true}");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);

        JsonNode current = json.readTree(staffApi.get(path() + "/current").body());
        assertThat(current.get("startReason").asString()).isEqualTo("LAYOFF");
        assertThat(current.get("startMessage").asString()).contains("layoff or closure was announced");
        JsonNode second = start(otherPartnerApi, "{}");

        assertThat(second.get("assessment").get("needCodes").toString()).contains("LAYOFF");
        assertThat(answer(second, "layoff-announced").get("fromProfile").asBoolean()).isTrue();
    }

    @Test
    void newAssessmentAllowedAfterMerger() {
        start(staffApi, "{}");
        long otherBusiness = AssessmentFixtures.business(registry);
        HttpResponse<String> merged = post(adminApi, "/api/v1/businesses/" + businessId + "/merge",
                "{\"otherId\": " + otherBusiness + ", \"choices\": {\"legal_name\": \"survivor\"}}");
        assertThat(merged.statusCode()).as(merged.body()).isEqualTo(200);

        JsonNode current = json.readTree(staffApi.get(path() + "/current").body());
        assertThat(current.get("startReason").asString()).isEqualTo("MERGER");
        assertThat(current.get("startMessage").asString()).contains("was merged into this business");
        start(otherPartnerApi, "{}");
    }

    @Test
    void newAssessmentAllowedAfterNewEstablishment() {
        start(staffApi, "{}");
        long otherBusiness = AssessmentFixtures.business(registry);
        long establishmentId = jdbc.sql("SELECT id FROM establishment WHERE business_id = :id")
                .param("id", otherBusiness).query(Long.class).single();
        HttpResponse<String> moved = post(adminApi, "/api/v1/businesses/" + businessId + "/establishments/merge",
                "{\"establishmentId\": " + establishmentId + "}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);

        JsonNode current = json.readTree(staffApi.get(path() + "/current").body());
        assertThat(current.get("startReason").asString()).isEqualTo("NEW_ESTABLISHMENT");
        assertThat(current.get("startMessage").asString()).contains("new establishment");
        start(otherPartnerApi, "{}");
    }

    @Test
    void answeredQuestionsPrefilledFromProfile() {
        HttpResponse<String> patched = patch(otherPartnerApi, "/api/v1/businesses/" + businessId,
                "{\"hiresVeterans\": true, \"employeeBand\": \"20-49\"}");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);

        JsonNode started = start(staffApi, "{\"hires-veterans\": \"yes\"}");

        JsonNode veterans = answer(started, "hires-veterans");
        assertThat(veterans.get("fromProfile").asBoolean()).isTrue();
        assertThat(veterans.get("answer").asString()).isEqualTo("yes");
        assertThat(veterans.get("collectedBy").asString()).contains("Test partner");
        assertThat(veterans.get("collectedAt").isNull()).isFalse();
        assertThat(answer(started, "employee-band").get("answerText").asString()).isEqualTo("20-49 employees");
        assertThat(answer(started, "hard-to-fill").get("fromProfile").asBoolean()).isFalse();
        assertThat(started.get("assessment").get("needCodes").toString()).contains("INCLUSIVE_HIRING")
                .contains("TAX_CREDITS");
    }

    @Test
    void differentAnswerToKnownFactRejected() {
        patch(otherPartnerApi, "/api/v1/businesses/" + businessId, "{\"hiresVeterans\": true}");

        HttpResponse<String> response = post(staffApi, path(), "{\"answers\": {\"hires-veterans\": \"no\"}}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("answers.hires-veterans").contains("already answered in the business "
                + "profile");
        assertThat(staffApi.get(path() + "/current").statusCode()).isEqualTo(404);
    }

    @Test
    void answersUpdateProfileWithProvenance() {
        start(staffApi, "{\"hires-people-with-disabilities\": true, \"hiring-needs\": [\"APPRENTICES\", "
                + "\"ENTRY_LEVEL\"], \"hard-to-fill\": \"yes\"}");

        JsonNode profile = json.readTree(staffApi.get("/api/v1/businesses/" + businessId).body());
        assertThat(profile.get("hiresPeopleWithDisabilities").asBoolean()).isTrue();
        assertThat(profile.get("hiringNeeds").toString()).contains("APPRENTICES").contains("ENTRY_LEVEL");
        JsonNode fact = null;
        for (JsonNode candidate : profile.get("facts")) {
            if (candidate.get("field").asString().equals("hires_people_with_disabilities")) {
                fact = candidate;
            }
        }
        assertThat(fact).as(profile.get("facts").toString()).isNotNull();
        assertThat(fact.get("sourceKind").asString()).isEqualTo("STAFF_ENTRY");
        assertThat(fact.get("partnerId").asLong()).isEqualTo(partner.partnerId());
        assertThat(fact.get("userId").asLong()).isEqualTo(staff.id());
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM needs_assessment_answer a JOIN assessment_question q ON q.id = a.question_id
                        WHERE q.profile_fact IS NOT NULL AND a.assessment_id IN
                            (SELECT id FROM needs_assessment WHERE business_id = :id)""")
                .param("id", businessId).query(Long.class).single()).isZero();
        JsonNode current = json.readTree(staffApi.get(path() + "/current").body());
        assertThat(current.get("assessment").get("needCodes").toString())
                .isEqualTo("[\"HIRE\",\"TRAIN_NEW_HIRES\",\"INCLUSIVE_HIRING\"]");
    }

    @Test
    void updateIsRecordedWithChanges() {
        start(staffApi, "{\"hard-to-fill\": \"no\"}");

        HttpResponse<String> updated = put(otherPartnerApi, path() + "/current",
                "{\"answers\": {\"hard-to-fill\": \"yes\", \"expansion-jobs\": 25}}");

        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        JsonNode body = json.readTree(updated.body());
        assertThat(body.get("assessment").get("needCodes").toString()).isEqualTo("[\"HIRE\"]");
        assertThat(body.get("assessment").get("updatedAt").isNull()).isFalse();
        JsonNode update = body.get("updates").get(0);
        assertThat(update.get("partnerName").asString()).contains("Test partner");
        assertThat(update.get("oldNeedCodes").toString()).isEqualTo("[]");
        assertThat(update.get("answers")).hasSize(2);
        assertThat(update.get("answers").get(0).get("questionCode").asString()).isEqualTo("hard-to-fill");
        assertThat(update.get("answers").get(0).get("oldValue").asString()).isEqualTo("no");
        assertThat(update.get("answers").get(0).get("newValue").asString()).isEqualTo("yes");
        assertThat(answer(body, "expansion-jobs").get("answer").asString()).isEqualTo("25");
    }

    @Test
    void expiredAssessmentCannotBeUpdated() {
        start(staffApi, "{}");
        expireCurrent();

        HttpResponse<String> response = put(staffApi, path() + "/current", "{\"answers\": {\"hard-to-fill\": \"yes\"}}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        assertThat(response.body()).contains("expired on");
    }

    @Test
    void invalidAnswersRejectedAndNothingSaved() {
        HttpResponse<String> response = post(staffApi, path(), """
                {"answers": {"hard-to-fill": "maybe", "expansion-plans": "MOON_BASE", "expansion-jobs": "many",
                             "favourite-colour": "blue", "expansion-plans-typo": 1}}""");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("answers.hard-to-fill").contains("Answer yes or no")
                .contains("answers.expansion-plans").contains("MOON_BASE").contains("EXPAND, NEW_SITE")
                .contains("answers.expansion-jobs").contains("is not a number")
                .contains("answers.favourite-colour").contains("is not asked in version");
        assertThat(staffApi.get(path() + "/current").statusCode()).isEqualTo(404);
    }

    @Test
    void invalidProfileValueNamesQuestion() {
        HttpResponse<String> response = post(staffApi, path(), "{\"answers\": {\"hiring-needs\": [\"NONE\", "
                + "\"SEASONAL\"], \"employee-band\": \"5-9\"}}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("answers.hiring-needs").contains("Choose either");
        JsonNode profile = json.readTree(staffApi.get("/api/v1/businesses/" + businessId).body());
        assertThat(profile.get("employeeBand").isNull()).isTrue();
    }

    @Test
    void newVersionKeepsOldAssessmentsOnTheirVersion() {
        start(staffApi, "{\"turnover-concern\": \"yes\"}");
        String instrumentPath = "/api/v1/areas/" + partner.areaId() + "/assessment-instrument";
        JsonNode standard = json.readTree(staffApi.get(instrumentPath).body());
        assertThat(standard.get("standard").asBoolean()).isTrue();
        assertThat(standard.get("version").asInt()).isEqualTo(1);

        HttpResponse<String> published = put(adminApi, instrumentPath, """
                {"validityMonths": 6, "questions": [
                  {"code": "turnover-concern", "topic": "RETENTION", "text": "Is turnover a concern?",
                   "answerType": "YES_NO", "retired": true,
                   "options": [{"value": "yes", "needCodes": ["RETAIN"]}]},
                  {"code": "wants-apprentices", "topic": "SKILLS_AND_TRAINING",
                   "text": "Would the business start a Registered Apprenticeship?", "answerType": "YES_NO",
                   "options": [{"value": "yes", "needCodes": ["TRAIN_NEW_HIRES"]}]}
                ]}""");

        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        JsonNode version2 = json.readTree(published.body());
        assertThat(version2.get("version").asInt()).isEqualTo(2);
        assertThat(version2.get("validityMonths").asInt()).isEqualTo(6);
        JsonNode old = json.readTree(staffApi.get(path() + "/current").body());
        assertThat(old.get("assessment").get("instrumentVersion").asInt()).isEqualTo(1);
        assertThat(answer(old, "turnover-concern").get("answer").asString()).isEqualTo("yes");

        expireCurrent();
        JsonNode renewed = start(staffApi, "{\"wants-apprentices\": \"yes\"}");
        assertThat(renewed.get("assessment").get("instrumentVersion").asInt()).isEqualTo(2);
        assertThat(renewed.get("assessment").get("needCodes").toString()).isEqualTo("[\"TRAIN_NEW_HIRES\"]");
        assertThat(renewed.get("answers")).hasSize(1);
        HttpResponse<String> retired = put(staffApi, path() + "/current",
                "{\"answers\": {\"turnover-concern\": \"yes\"}}");
        assertThat(retired.statusCode()).isEqualTo(400);
    }

    @Test
    void instrumentRejectsInvalidQuestionsAndStaff() {
        String instrumentPath = "/api/v1/areas/" + partner.areaId() + "/assessment-instrument";

        HttpResponse<String> invalid = put(adminApi, instrumentPath, """
                {"questions": [
                  {"code": "Bad Code", "topic": "GARDENING", "text": "", "answerType": "YES_NO"},
                  {"code": "size", "topic": "HIRING", "text": "Size?", "answerType": "CHOICE",
                   "options": [{"value": "BIG", "label": "Big", "needCodes": ["WORLD_PEACE"]},
                               {"value": "SMALL", "label": "Small"}]},
                  {"code": "vets", "topic": "HIRING", "text": "Vets?", "answerType": "TEXT",
                   "profileFact": "hires_veterans"}
                ]}""");
        HttpResponse<String> byStaff = put(staffApi, instrumentPath, """
                {"questions": [{"code": "ok", "topic": "HIRING", "text": "Hiring?", "answerType": "YES_NO"}]}""");

        assertThat(invalid.statusCode()).as(invalid.body()).isEqualTo(400);
        assertThat(invalid.body()).contains("questions[0].code").contains("questions[0].topic")
                .contains("GARDENING").contains("questions[0].text")
                .contains("questions[1].options[0].needCodes").contains("WORLD_PEACE")
                .contains("questions[2].profileFact").contains("needs answer type YES_NO");
        assertThat(byStaff.statusCode()).isEqualTo(403);
        assertThat(json.readTree(staffApi.get(instrumentPath).body()).get("version").asInt()).isEqualTo(1);
    }
}
