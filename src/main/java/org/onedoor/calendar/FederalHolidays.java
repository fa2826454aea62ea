package org.onedoor.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The legal public holidays of 5 U.S.C. 6103(a) on the dates federal offices close for them. A holiday that falls
 * on a Saturday is observed on the Friday before and one on a Sunday on the Monday after (5 U.S.C. 6103(b) and
 * Executive Order 11582, as OPM's federal holidays page explains), so New Year's Day of the next year can be
 * observed on December 31.
 *
 * <p>NOTE: Inauguration Day (January 20 after a presidential election) is a holiday only for federal employees in
 * and around Washington, DC, so it is left out. An area that needs it adds it as a local holiday.
 */
public final class FederalHolidays {

    private FederalHolidays() {
    }

    /** Returns the observed federal holidays whose observed date falls in {@code year}, by date. */
    public static List<Holiday> observedIn(int year) {
        List<Holiday> holidays = new ArrayList<>();
        for (Holiday holiday : actualDates(year)) {
            holidays.add(observed(holiday));
        }
        // New Year's Day of the next year on a Saturday is observed on December 31 of this year.
        Holiday nextNewYear = observed(new Holiday(LocalDate.of(year + 1, 1, 1), "New Year's Day", Holiday.Source.FEDERAL));
        if (nextNewYear.date().getYear() == year) {
            holidays.add(nextNewYear);
        }
        holidays.removeIf(holiday -> holiday.date().getYear() != year);
        holidays.sort(Comparator.comparing(Holiday::date));
        return holidays;
    }

    /** Returns the holidays on their legal dates, before the weekend rule moves any of them. */
    static List<Holiday> actualDates(int year) {
        List<Holiday> holidays = new ArrayList<>();
        holidays.add(federal(LocalDate.of(year, 1, 1), "New Year's Day"));
        holidays.add(federal(nth(year, Month.JANUARY, 3, DayOfWeek.MONDAY), "Birthday of Martin Luther King, Jr."));
        holidays.add(federal(nth(year, Month.FEBRUARY, 3, DayOfWeek.MONDAY), "Washington's Birthday"));
        holidays.add(federal(LocalDate.of(year, 5, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)), "Memorial Day"));
        // Juneteenth became a legal public holiday in June 2021.
        if (year >= 2021) {
            holidays.add(federal(LocalDate.of(year, 6, 19), "Juneteenth National Independence Day"));
        }
        holidays.add(federal(LocalDate.of(year, 7, 4), "Independence Day"));
        holidays.add(federal(nth(year, Month.SEPTEMBER, 1, DayOfWeek.MONDAY), "Labor Day"));
        holidays.add(federal(nth(year, Month.OCTOBER, 2, DayOfWeek.MONDAY), "Columbus Day"));
        holidays.add(federal(LocalDate.of(year, 11, 11), "Veterans Day"));
        holidays.add(federal(nth(year, Month.NOVEMBER, 4, DayOfWeek.THURSDAY), "Thanksgiving Day"));
        holidays.add(federal(LocalDate.of(year, 12, 25), "Christmas Day"));
        return holidays;
    }

    private static Holiday observed(Holiday holiday) {
        LocalDate date = holiday.date();
        if (date.getDayOfWeek() == DayOfWeek.SATURDAY) {
            return new Holiday(date.minusDays(1), holiday.name() + " (observed)", Holiday.Source.FEDERAL);
        }
        if (date.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return new Holiday(date.plusDays(1), holiday.name() + " (observed)", Holiday.Source.FEDERAL);
        }
        return holiday;
    }

    private static Holiday federal(LocalDate date, String name) {
        return new Holiday(date, name, Holiday.Source.FEDERAL);
    }

    private static LocalDate nth(int year, Month month, int ordinal, DayOfWeek day) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(ordinal, day));
    }
}
