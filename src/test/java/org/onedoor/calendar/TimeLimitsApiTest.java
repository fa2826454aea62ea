package org.onedoor.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.calendar.AlabamaFixtures.AlabamaArea;
import org.onedoor.identity.Role;
import org.onedoor.identity.UserAccounts;
import org.onedoor.support.ApiClient;
import org.onedoor.support.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The holidays API of an area and the time limits in the service API, over HTTP with staff accounts. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TimeLimitsApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAccounts accounts;

    AlabamaArea area;
    ApiClient administrator;

    @BeforeEach
    void createArea() {
        area = AlabamaFixtures.create(jdbc);
        administrator = ApiClient.as(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
    }

    private String holidaysPath() {
        return "/api/v1/areas/" + area.areaId() + "/holidays?year=2027";
    }

    @Test
    void listsObservedFederalHolidays() {
        HttpResponse<String> response = administrator.get(holidaysPath());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode holidays = JSON.readTree(response.body());
        assertThat(holidays.size()).isEqualTo(12);
        assertThat(holidays.get(5).get("date").asString()).isEqualTo("2027-07-05");
        assertThat(holidays.get(5).get("name").asString()).isEqualTo("Independence Day (observed)");
        assertThat(holidays.get(5).get("source").asString()).isEqualTo("FEDERAL");
    }

    @Test
    void replaceAddsAndRemoves() {
        HttpResponse<String> listed = administrator.get(holidaysPath());
        JsonNode holidays = JSON.readTree(listed.body());
        StringBuilder body = new StringBuilder("[{\"date\":\"2027-03-26\",\"name\":\"Good Friday\"}");
        for (JsonNode holiday : holidays) {
            if (!holiday.get("name").asString().equals("Columbus Day")) {
                body.append(",{\"date\":\"").append(holiday.get("date").asString()).append("\",\"name\":\"")
                        .append(holiday.get("name").asString()).append("\"}");
            }
        }
        body.append(']');

        HttpResponse<String> response = administrator.putJson(holidaysPath(), body.toString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("{\"date\":\"2027-03-26\",\"name\":\"Good Friday\",\"source\":\"LOCAL\"}");
        assertThat(response.body()).contains("{\"date\":\"2027-10-11\",\"name\":\"Columbus Day\",\"source\":\"REMOVED\"}");
    }

    @Test
    void replaceRejectsDateOfOtherYear() {
        HttpResponse<String> response = administrator.putJson(holidaysPath(),
                "[{\"date\":\"2028-03-26\",\"name\":\"Good Friday\"}]");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Date 2028-03-26 is not in 2027");
        assertThat(JSON.readTree(administrator.get(holidaysPath()).body()).size()).as("nothing changed").isEqualTo(12);
    }

    @Test
    void staffMayReadButNotReplace() {
        TestAccounts.ensure(accounts, "holiday-staff-" + area.suffix() + "@onedoor.test", Role.PARTNER_ADMINISTRATOR,
                area.receivingPartnerId());
        ApiClient staff = ApiClient.as(port, "holiday-staff-" + area.suffix() + "@onedoor.test", TestAccounts.PASSWORD);

        assertThat(staff.get(holidaysPath()).statusCode()).isEqualTo(200);
        assertThat(staff.putJson(holidaysPath(), "[]").statusCode()).isEqualTo(403);
    }

    @Test
    void unknownAreaIsNotFound() {
        HttpResponse<String> response = administrator.get("/api/v1/areas/999999999/holidays?year=2027");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Area 999999999 was not found");
    }

    @Test
    void serviceShowsAndSetsTimeLimits() {
        String path = "/api/v1/services/" + area.serviceId();

        assertThat(JSON.readTree(administrator.get(path).body()).get("timeLimits").toString())
                .isEqualTo("{\"responseDays\":2,\"firstContactDays\":5}");

        HttpResponse<String> put = administrator.putJson(path + "/time-limits", "{\"responseDays\":3,\"firstContactDays\":10}");

        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(JSON.readTree(administrator.get(path).body()).get("timeLimits").toString())
                .isEqualTo("{\"responseDays\":3,\"firstContactDays\":10}");
    }

    @Test
    void serviceTimeLimitsAreBounded() {
        HttpResponse<String> put = administrator.putJson("/api/v1/services/" + area.serviceId() + "/time-limits",
                "{\"responseDays\":0,\"firstContactDays\":61}");

        assertThat(put.statusCode()).isEqualTo(400);
        assertThat(put.body()).contains("Days to respond is 0").contains("Days to first contact is 61");
    }
}
