package org.onedoor.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.calendar.AlabamaFixtures;
import org.onedoor.calendar.AlabamaFixtures.AlabamaArea;
import org.onedoor.identity.Role;
import org.onedoor.identity.UserAccount;
import org.onedoor.identity.UserAccounts;
import org.onedoor.support.TestAccounts;
import org.onedoor.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The office of a staff member on the staff accounts page, set when the account is opened or later. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StaffOfficeTest {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    AlabamaArea area;
    WebSession administrator;

    @BeforeEach
    void signIn() {
        area = AlabamaFixtures.create(jdbc);
        administrator = WebSession.signIn(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
    }

    @Test
    void openAccountWithOffice() {
        String email = "office-new-" + area.suffix() + "@onedoor.test";

        HttpResponse<String> response = administrator.postForm("/admin/users", "/admin/users", Map.of(
                "displayName", "Office New", "email", email, "role", "STAFF",
                "partnerId", String.valueOf(area.receivingPartnerId()),
                "officeId", String.valueOf(area.montgomeryOfficeId()), "password", TestAccounts.PASSWORD));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(account(email).officeId()).isEqualTo(area.montgomeryOfficeId());
    }

    @Test
    void officeOfOtherPartnerRejected() {
        String email = "office-wrong-" + area.suffix() + "@onedoor.test";

        HttpResponse<String> response = administrator.postForm("/admin/users", "/admin/users", Map.of(
                "displayName", "Office Wrong", "email", email, "role", "STAFF",
                "partnerId", String.valueOf(area.receivingPartnerId()),
                "officeId", String.valueOf(area.phenixCityOfficeId()), "password", TestAccounts.PASSWORD));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Office " + area.phenixCityOfficeId() + " is not an office of the person&#39;s partner");
        assertThat(accounts.list(null)).extracting(UserAccount::email).doesNotContain(email);
    }

    @Test
    void changeOfficeOfExistingAccount() {
        UserAccount staff = TestAccounts.ensure(accounts, "office-change-" + area.suffix() + "@onedoor.test",
                Role.STAFF, area.sendingPartnerId());

        HttpResponse<String> set = administrator.postForm("/admin/users", "/admin/users/office", Map.of(
                "userId", String.valueOf(staff.id()), "officeId", String.valueOf(area.phenixCityOfficeId())));
        assertThat(set.statusCode()).isEqualTo(302);
        assertThat(account(staff.email()).officeId()).isEqualTo(area.phenixCityOfficeId());

        HttpResponse<String> cleared = administrator.postForm("/admin/users", "/admin/users/office", Map.of(
                "userId", String.valueOf(staff.id()), "officeId", ""));
        assertThat(cleared.statusCode()).isEqualTo(302);
        assertThat(account(staff.email()).officeId()).isNull();
    }

    @Test
    void partnerAdministratorLimitedToOwnStaff() {
        String adminEmail = "office-padmin-" + area.suffix() + "@onedoor.test";
        TestAccounts.ensure(accounts, adminEmail, Role.PARTNER_ADMINISTRATOR, area.receivingPartnerId());
        UserAccount otherStaff = TestAccounts.ensure(accounts, "office-other-" + area.suffix() + "@onedoor.test",
                Role.STAFF, area.sendingPartnerId());
        WebSession partnerAdministrator = WebSession.signIn(port, adminEmail, TestAccounts.PASSWORD);

        HttpResponse<String> response = partnerAdministrator.postForm("/admin/users", "/admin/users/office", Map.of(
                "userId", String.valueOf(otherStaff.id()), "officeId", String.valueOf(area.phenixCityOfficeId())));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("was not found among the accounts you administer");
        assertThat(account(otherStaff.email()).officeId()).isNull();
    }

    private UserAccount account(String email) {
        return accounts.list(null).stream().filter(account -> account.email().equals(email)).findFirst().orElseThrow();
    }
}
