package org.onedoor.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.calendar.AlabamaFixtures.AlabamaArea;
import org.onedoor.calendar.BusinessCalendar.HolidayEntry;
import org.onedoor.identity.Role;
import org.onedoor.identity.UserAccount;
import org.onedoor.identity.UserAccounts;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.support.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Due times in business days for offices in Phenix City AL (Eastern time) and Montgomery AL (Central time),
 * across both daylight-saving changes of 2027 (March 14 and November 7), federal holidays on their observed
 * dates and holidays an area changed.
 */
@SpringBootTest
class BusinessCalendarTest {

    private static final ZoneId EASTERN = ZoneId.of(AlabamaFixtures.EASTERN);
    private static final ZoneId CENTRAL = ZoneId.of(AlabamaFixtures.CENTRAL);

    @Autowired
    BusinessCalendar calendar;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    AlabamaArea area;

    @BeforeEach
    void createArea() {
        area = AlabamaFixtures.create(jdbc);
    }

    private Instant due(ZoneId zone, String from, int days) {
        return calendar.dueAfterBusinessDays(area.areaId(), zone, Instant.parse(from), days);
    }

    @Test
    void springForwardKeepsLocalCloseOfBusiness() {
        // Friday, March 12, 2027 at 10 AM Central; clocks move forward on Sunday, March 14.
        assertThat(due(CENTRAL, "2027-03-12T16:00:00Z", 2)).isEqualTo(Instant.parse("2027-03-16T22:00:00Z"));
        assertThat(due(EASTERN, "2027-03-12T16:00:00Z", 2)).isEqualTo(Instant.parse("2027-03-16T21:00:00Z"));
        assertThat(TimeDisplay.format(due(CENTRAL, "2027-03-12T16:00:00Z", 2), CENTRAL))
                .isEqualTo("Tue, Mar 16, 2027, 5:00 PM CDT");
    }

    @Test
    void fallBackKeepsLocalCloseOfBusiness() {
        // Friday, November 5, 2027; clocks move back on Sunday, November 7.
        assertThat(due(CENTRAL, "2027-11-05T15:00:00Z", 2)).isEqualTo(Instant.parse("2027-11-09T23:00:00Z"));
        assertThat(due(EASTERN, "2027-11-05T15:00:00Z", 2)).isEqualTo(Instant.parse("2027-11-09T22:00:00Z"));
    }

    @Test
    void localDateOfStartDependsOnZone() {
        // 05:30 UTC on March 11 is still Wednesday evening in Montgomery but already Thursday in Phenix City.
        assertThat(due(CENTRAL, "2027-03-11T05:30:00Z", 1)).isEqualTo(Instant.parse("2027-03-11T23:00:00Z"));
        assertThat(due(EASTERN, "2027-03-11T05:30:00Z", 1)).isEqualTo(Instant.parse("2027-03-12T22:00:00Z"));
    }

    @Test
    void weekendStartCountsFromMonday() {
        // Saturday, March 13, 2027: Monday is the first business day after it.
        assertThat(due(EASTERN, "2027-03-13T15:00:00Z", 1)).isEqualTo(Instant.parse("2027-03-15T21:00:00Z"));
    }

    @Test
    void federalHolidaysAreSkipped() {
        // Veterans Day, Thursday, November 11, 2027.
        assertThat(due(CENTRAL, "2027-11-10T15:00:00Z", 1)).isEqualTo(Instant.parse("2027-11-12T23:00:00Z"));
    }

    @Test
    void observedHolidaysAreSkipped() {
        // Independence Day falls on Sunday, July 4, 2027 and is observed on Monday, July 5.
        assertThat(due(CENTRAL, "2027-07-01T15:00:00Z", 2)).isEqualTo(Instant.parse("2027-07-06T22:00:00Z"));
        // Juneteenth falls on Saturday, June 19, 2027 and is observed on Friday, June 18.
        assertThat(due(EASTERN, "2027-06-17T15:00:00Z", 1)).isEqualTo(Instant.parse("2027-06-21T21:00:00Z"));
        // New Year's Day 2028 falls on a Saturday and is observed on Friday, December 31, 2027.
        assertThat(due(CENTRAL, "2027-12-30T15:00:00Z", 1)).isEqualTo(Instant.parse("2028-01-03T23:00:00Z"));
    }

    @Test
    void addedLocalHolidayIsSkipped() {
        AlabamaArea other = AlabamaFixtures.create(jdbc);
        calendar.addLocalHoliday(area.areaId(), LocalDate.of(2027, 3, 26), "Good Friday", null);

        // From Thursday, March 25, 2027: Friday is closed in this area only.
        assertThat(due(CENTRAL, "2027-03-25T15:00:00Z", 1)).isEqualTo(Instant.parse("2027-03-29T22:00:00Z"));
        assertThat(calendar.dueAfterBusinessDays(other.areaId(), CENTRAL, Instant.parse("2027-03-25T15:00:00Z"), 1))
                .isEqualTo(Instant.parse("2027-03-26T22:00:00Z"));
    }

    @Test
    void removedFederalHolidayCounts() {
        AlabamaArea other = AlabamaFixtures.create(jdbc);
        calendar.removeHoliday(area.areaId(), LocalDate.of(2027, 10, 11), null);

        // From Friday, October 8, 2027: Columbus Day is a business day in this area only.
        assertThat(due(EASTERN, "2027-10-08T15:00:00Z", 1)).isEqualTo(Instant.parse("2027-10-11T21:00:00Z"));
        assertThat(calendar.dueAfterBusinessDays(other.areaId(), EASTERN, Instant.parse("2027-10-08T15:00:00Z"), 1))
                .isEqualTo(Instant.parse("2027-10-12T21:00:00Z"));
    }

    @Test
    void holidayListShowsAreaChanges() {
        calendar.addLocalHoliday(area.areaId(), LocalDate.of(2027, 3, 26), "Good Friday", null);
        calendar.removeHoliday(area.areaId(), LocalDate.of(2027, 10, 11), null);

        List<Holiday> holidays = calendar.holidays(area.areaId(), 2027);

        assertThat(holidays).hasSize(13);
        assertThat(holidays).contains(new Holiday(LocalDate.of(2027, 3, 26), "Good Friday", Holiday.Source.LOCAL));
        assertThat(holidays).contains(new Holiday(LocalDate.of(2027, 10, 11), "Columbus Day", Holiday.Source.REMOVED));
        assertThat(holidays).contains(new Holiday(LocalDate.of(2027, 7, 5), "Independence Day (observed)", Holiday.Source.FEDERAL));
    }

    @Test
    void restoreClosesOfficesAgain() {
        calendar.removeHoliday(area.areaId(), LocalDate.of(2027, 10, 11), null);
        calendar.restoreFederalHoliday(area.areaId(), LocalDate.of(2027, 10, 11), null);

        assertThat(calendar.isBusinessDay(area.areaId(), LocalDate.of(2027, 10, 11))).isFalse();
    }

    @Test
    void replaceHolidaysEditsOneYear() {
        List<HolidayEntry> kept = FederalHolidays.observedIn(2027).stream()
                .filter(holiday -> !holiday.name().equals("Columbus Day"))
                .map(holiday -> new HolidayEntry(holiday.date(), holiday.name(), null))
                .collect(java.util.stream.Collectors.toList());
        kept.add(new HolidayEntry(LocalDate.of(2027, 3, 26), "Good Friday", null));

        List<Holiday> holidays = calendar.replaceHolidays(area.areaId(), 2027, kept, null);

        assertThat(holidays).filteredOn(holiday -> holiday.source() == Holiday.Source.REMOVED)
                .extracting(Holiday::date).containsExactly(LocalDate.of(2027, 10, 11));
        assertThat(holidays).filteredOn(holiday -> holiday.source() == Holiday.Source.LOCAL)
                .extracting(Holiday::date).containsExactly(LocalDate.of(2027, 3, 26));
    }

    @Test
    void replaceHolidaysRejectsBadEntries() {
        List<HolidayEntry> entries = List.of(
                new HolidayEntry(LocalDate.of(2027, 3, 26), "Good Friday", null),
                new HolidayEntry(LocalDate.of(2027, 3, 26), "Good Friday again", null),
                new HolidayEntry(LocalDate.of(2028, 3, 26), "Next year", null),
                new HolidayEntry(LocalDate.of(2027, 4, 1), " ", null));

        assertThatThrownBy(() -> calendar.replaceHolidays(area.areaId(), 2027, entries, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.FieldProblem::field)
                        .containsExactly("[1].date", "[2].date", "[3].name"));
        assertThat(calendar.holidays(area.areaId(), 2027)).hasSize(12);
    }

    @Test
    void localHolidayOnFederalDateRejected() {
        assertThatThrownBy(() -> calendar.addLocalHoliday(area.areaId(), LocalDate.of(2027, 7, 5), "Fourth", null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("2027-07-05 is already a federal holiday");
    }

    @Test
    void readerZoneFollowsOfficeThenPartner() {
        UserAccount withOffice = TestAccounts.ensure(accounts, "reader-office-" + area.suffix() + "@onedoor.test",
                Role.STAFF, area.sendingPartnerId());
        accounts.changeOffice(withOffice.id(), area.phenixCityOfficeId());
        UserAccount withoutOffice = TestAccounts.ensure(accounts, "reader-partner-" + area.suffix() + "@onedoor.test",
                Role.STAFF, area.receivingPartnerId());
        UserAccount administrator = accounts.list(null).stream()
                .filter(account -> account.email().equals(TestAccounts.ADMIN_EMAIL)).findFirst().orElseThrow();

        assertThat(calendar.readerZone(withOffice.id(), null)).isEqualTo(EASTERN);
        assertThat(calendar.readerZone(withoutOffice.id(), null)).isEqualTo(CENTRAL);
        // The area's offices are split one to one, so its first office, in Phenix City, decides.
        assertThat(calendar.readerZone(administrator.id(), area.areaId())).isEqualTo(EASTERN);
        assertThat(calendar.readerZone(administrator.id(), null)).isEqualTo(ZoneId.of("UTC"));
    }
}
