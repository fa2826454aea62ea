package org.onedoor.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The federal holidays of 2027 and the weekend rule, checked against dates worked out by hand from the calendar. */
class FederalHolidaysTest {

    @Test
    void observedDatesOf2027() {
        List<LocalDate> dates = FederalHolidays.observedIn(2027).stream().map(Holiday::date).toList();

        assertThat(dates).containsExactly(
                LocalDate.of(2027, 1, 1),    // New Year's Day, a Friday
                LocalDate.of(2027, 1, 18),   // third Monday of January
                LocalDate.of(2027, 2, 15),   // third Monday of February
                LocalDate.of(2027, 5, 31),   // last Monday of May
                LocalDate.of(2027, 6, 18),   // Juneteenth falls on a Saturday: observed Friday
                LocalDate.of(2027, 7, 5),    // Independence Day falls on a Sunday: observed Monday
                LocalDate.of(2027, 9, 6),    // first Monday of September
                LocalDate.of(2027, 10, 11),  // second Monday of October
                LocalDate.of(2027, 11, 11),  // Veterans Day, a Thursday
                LocalDate.of(2027, 11, 25),  // fourth Thursday of November
                LocalDate.of(2027, 12, 24),  // Christmas falls on a Saturday: observed Friday
                LocalDate.of(2027, 12, 31)); // New Year's Day 2028 falls on a Saturday: observed in 2027
    }

    @Test
    void observedNamesAreMarked() {
        Holiday independence = FederalHolidays.observedIn(2027).stream()
                .filter(holiday -> holiday.date().equals(LocalDate.of(2027, 7, 5)))
                .findFirst().orElseThrow();

        assertThat(independence.name()).isEqualTo("Independence Day (observed)");
        assertThat(independence.source()).isEqualTo(Holiday.Source.FEDERAL);
    }

    @Test
    void saturdayNewYearLeavesNextYearWithout() {
        List<LocalDate> dates = FederalHolidays.observedIn(2028).stream().map(Holiday::date).toList();

        assertThat(dates).doesNotContain(LocalDate.of(2028, 1, 1), LocalDate.of(2027, 12, 31));
        assertThat(dates).hasSize(10);
    }

    @Test
    void juneteenthOnlyFrom2021() {
        assertThat(FederalHolidays.observedIn(2020)).extracting(Holiday::name)
                .noneMatch(name -> name.startsWith("Juneteenth"));
        assertThat(FederalHolidays.observedIn(2021)).extracting(Holiday::date)
                .contains(LocalDate.of(2021, 6, 18));
    }
}
