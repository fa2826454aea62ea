package org.onedoor.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.InvalidInputException.FieldProblem;
import org.onedoor.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The business days of each workforce area: Monday to Friday, less the US federal holidays the area keeps and the
 * local holidays it adds. Due times count business days on local dates in a given zone and only then become
 * instants, so a daylight-saving change between the start and the due date never shifts the local due time.
 */
@Service
@Transactional
public class BusinessCalendar {

    /** Local time at which a business day ends, and so the time of day of every due time. */
    public static final LocalTime CLOSE_OF_BUSINESS = LocalTime.of(17, 0);

    /** Years that holidays can be listed and edited for. */
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;

    public static final int MAX_NAME_LENGTH = 100;

    private static final Logger log = LoggerFactory.getLogger(BusinessCalendar.class);

    private final JdbcClient jdbc;

    BusinessCalendar(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Returns the end of the {@code days}-th business day after the local date of {@code from} in {@code zone}:
     * {@link #CLOSE_OF_BUSINESS} on that date, converted to an instant. The date of {@code from} itself never
     * counts, even when it is a business day, and weekends and the area's holidays are skipped. For example,
     * two business days from Friday, March 12, 2027 at any time in Chicago is Tuesday, March 16, 2027 at
     * 5:00 PM CDT (22:00 UTC), although clocks moved forward on the Sunday between.
     *
     * @throws IllegalArgumentException when {@code days} is less than 1
     */
    @Transactional(readOnly = true)
    public Instant dueAfterBusinessDays(long areaId, ZoneId zone, Instant from, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("Business days must be at least 1, not " + days);
        }
        Map<Integer, Set<LocalDate>> closedByYear = new HashMap<>();
        LocalDate date = from.atZone(zone).toLocalDate();
        int counted = 0;
        while (counted < days) {
            date = date.plusDays(1);
            if (isBusinessDay(date, closedByYear.computeIfAbsent(date.getYear(), year -> closedDates(areaId, year)))) {
                counted++;
            }
        }
        // ZonedDateTime.of moves a local time inside a daylight-saving gap forward, but US gaps are at 2 AM.
        return ZonedDateTime.of(date, CLOSE_OF_BUSINESS, zone).toInstant();
    }

    /** Returns true when the date is a weekday and not one of the area's holidays. */
    @Transactional(readOnly = true)
    public boolean isBusinessDay(long areaId, LocalDate date) {
        return isBusinessDay(date, closedDates(areaId, date.getYear()));
    }

    /**
     * Lists the area's holidays of a year by date: the federal holidays it keeps, its local holidays, and the
     * federal holidays it made business days (source {@link Holiday.Source#REMOVED}).
     */
    @Transactional(readOnly = true)
    public List<Holiday> holidays(long areaId, int year) {
        requireArea(areaId);
        checkYear(year);
        Map<LocalDate, Holiday> byDate = new LinkedHashMap<>();
        for (Holiday holiday : FederalHolidays.observedIn(year)) {
            byDate.put(holiday.date(), holiday);
        }
        for (AreaEdit edit : edits(areaId, year)) {
            Holiday federal = byDate.get(edit.date());
            if (edit.action().equals("REMOVE") && federal != null) {
                byDate.put(edit.date(), new Holiday(edit.date(), federal.name(), Holiday.Source.REMOVED));
            } else if (edit.action().equals("ADD") && federal == null) {
                byDate.put(edit.date(), new Holiday(edit.date(), edit.name(), Holiday.Source.LOCAL));
            }
        }
        List<Holiday> holidays = new ArrayList<>(byDate.values());
        holidays.sort(Comparator.comparing(Holiday::date));
        return holidays;
    }

    /**
     * Adds a local holiday to the area.
     *
     * @throws InvalidInputException when the date is missing, out of range or already a federal holiday, or the
     *                               name is blank or too long
     */
    public void addLocalHoliday(long areaId, LocalDate date, String name, Long userId) {
        requireArea(areaId);
        List<FieldProblem> problems = new ArrayList<>();
        String cleanName = checkHoliday(date, name, "date", "name", problems);
        if (problems.isEmpty() && isFederal(date)) {
            problems.add(new FieldProblem("date", "Date " + date + " is already a federal holiday. Choose another date."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        upsertEdit(areaId, date, "ADD", cleanName, userId);
        log.info("User {} added the local holiday {} '{}' to area {}", userId, date, cleanName, areaId);
    }

    /**
     * Makes a holiday a business day in the area: a local holiday is deleted, and a federal one is marked removed.
     *
     * @throws NotFoundException when the area has no holiday on that date
     */
    public void removeHoliday(long areaId, LocalDate date, Long userId) {
        Holiday holiday = holidayOn(areaId, date);
        if (holiday.source() == Holiday.Source.LOCAL) {
            deleteEdit(areaId, date);
        } else if (holiday.source() == Holiday.Source.FEDERAL) {
            upsertEdit(areaId, date, "REMOVE", holiday.name(), userId);
        }
        log.info("User {} made {} ({}) a business day in area {}", userId, date, holiday.name(), areaId);
    }

    /**
     * Closes the area's offices again on a federal holiday it had made a business day.
     *
     * @throws NotFoundException when no federal holiday falls on that date
     */
    public void restoreFederalHoliday(long areaId, LocalDate date, Long userId) {
        Holiday holiday = holidayOn(areaId, date);
        if (holiday.source() == Holiday.Source.REMOVED) {
            deleteEdit(areaId, date);
            log.info("User {} restored the federal holiday {} ({}) in area {}", userId, date, holiday.name(), areaId);
        }
    }

    /**
     * Replaces the area's holidays of one year with the given list: a federal holiday missing from it is removed
     * for the area, and a date that is not a federal holiday becomes a local holiday. Every problem is reported
     * at once, and nothing is changed unless the whole list is valid.
     */
    public List<Holiday> replaceHolidays(long areaId, int year, List<HolidayEntry> entries, Long userId) {
        requireArea(areaId);
        checkYear(year);
        List<FieldProblem> problems = new ArrayList<>();
        Map<LocalDate, String> requested = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            HolidayEntry entry = entries.get(i);
            String field = "[" + i + "]";
            if (entry == null) {
                problems.add(new FieldProblem(field, "Holiday " + i + " is missing. Send an object with date and name."));
                continue;
            }
            String name = checkHoliday(entry.date(), entry.name(), field + ".date", field + ".name", problems);
            if (entry.date() == null) {
                continue;
            }
            if (entry.date().getYear() != year) {
                problems.add(new FieldProblem(field + ".date", "Date " + entry.date() + " is not in " + year
                        + ". Send only dates of the year in the year parameter."));
            } else if (requested.putIfAbsent(entry.date(), name) != null) {
                problems.add(new FieldProblem(field + ".date", "Date " + entry.date() + " is listed twice. List each date once."));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }

        jdbc.sql("DELETE FROM area_holiday_edit WHERE area_id = :areaId AND extract(year FROM holiday_date) = :year")
                .param("areaId", areaId)
                .param("year", year)
                .update();
        for (Holiday federal : FederalHolidays.observedIn(year)) {
            if (!requested.containsKey(federal.date())) {
                upsertEdit(areaId, federal.date(), "REMOVE", federal.name(), userId);
            }
            requested.remove(federal.date());
        }
        requested.forEach((date, name) -> upsertEdit(areaId, date, "ADD", name, userId));
        log.info("User {} replaced the {} holidays of area {}", userId, year, areaId);
        return holidays(areaId, year);
    }

    /**
     * Returns the zone of the area: the zone most of its offices keep, or UTC when it has no office yet.
     */
    @Transactional(readOnly = true)
    public ZoneId areaZone(long areaId) {
        return jdbc.sql("""
                        SELECT o.time_zone FROM office o JOIN partner p ON p.id = o.partner_id
                        WHERE p.area_id = :areaId
                        GROUP BY o.time_zone ORDER BY count(*) DESC, min(o.id) LIMIT 1""")
                .param("areaId", areaId)
                .query(String.class)
                .optional()
                .map(ZoneId::of)
                .orElse(ZoneId.of("UTC"));
    }

    /**
     * Returns the zone in which a staff member reads times: that of their own office, else of their partner's
     * first office, else of their partner's area. An administrator without a partner or office reads times in
     * the zone of {@code fallbackAreaId}, the area the time belongs to, or UTC when that is {@code null}.
     */
    @Transactional(readOnly = true)
    public ZoneId readerZone(long userId, Long fallbackAreaId) {
        ReaderOffices reader = jdbc.sql("""
                        SELECT own.time_zone AS own_zone,
                               (SELECT o.time_zone FROM office o WHERE o.partner_id = u.partner_id ORDER BY o.id LIMIT 1)
                                   AS partner_zone,
                               p.area_id
                        FROM app_user u
                        LEFT JOIN office own ON own.id = u.office_id
                        LEFT JOIN partner p ON p.id = u.partner_id
                        WHERE u.id = :userId""")
                .param("userId", userId)
                .query(ReaderOffices.class)
                .optional()
                .orElse(new ReaderOffices(null, null, null));
        if (reader.ownZone() != null) {
            return ZoneId.of(reader.ownZone());
        }
        if (reader.partnerZone() != null) {
            return ZoneId.of(reader.partnerZone());
        }
        Long areaId = reader.areaId() != null ? reader.areaId() : fallbackAreaId;
        return areaId == null ? ZoneId.of("UTC") : areaZone(areaId);
    }

    /** Lists the workforce areas by name, for choosing whose holidays to show. */
    @Transactional(readOnly = true)
    public List<AreaName> areas() {
        return jdbc.sql("SELECT id, name FROM workforce_area ORDER BY name, id").query(AreaName.class).list();
    }

    public record AreaName(long id, String name) {
    }

    /** A holiday as an API client sends it; the source is returned by reads and ignored on writes. */
    public record HolidayEntry(LocalDate date, String name, Holiday.Source source) {
    }

    private record ReaderOffices(String ownZone, String partnerZone, Long areaId) {
    }

    private record AreaEdit(LocalDate date, String action, String name) {
    }

    private static boolean isBusinessDay(LocalDate date, Set<LocalDate> closed) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !closed.contains(date);
    }

    private Set<LocalDate> closedDates(long areaId, int year) {
        Set<LocalDate> closed = new HashSet<>();
        for (Holiday holiday : FederalHolidays.observedIn(year)) {
            closed.add(holiday.date());
        }
        for (AreaEdit edit : edits(areaId, year)) {
            if (edit.action().equals("ADD")) {
                closed.add(edit.date());
            } else {
                closed.remove(edit.date());
            }
        }
        return closed;
    }

    private List<AreaEdit> edits(long areaId, int year) {
        return jdbc.sql("""
                        SELECT holiday_date AS date, action, name FROM area_holiday_edit
                        WHERE area_id = :areaId AND holiday_date BETWEEN :first AND :last""")
                .param("areaId", areaId)
                .param("first", LocalDate.of(year, 1, 1))
                .param("last", LocalDate.of(year, 12, 31))
                .query(AreaEdit.class)
                .list();
    }

    private Holiday holidayOn(long areaId, LocalDate date) {
        if (date == null) {
            throw new InvalidInputException("date", "Date is missing. Choose the date of the holiday.");
        }
        return holidays(areaId, date.getYear()).stream()
                .filter(holiday -> holiday.date().equals(date))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Area " + areaId + " has no holiday on " + date + "."));
    }

    private static boolean isFederal(LocalDate date) {
        return FederalHolidays.observedIn(date.getYear()).stream().anyMatch(holiday -> holiday.date().equals(date));
    }

    private static String checkHoliday(LocalDate date, String name, String dateField, String nameField,
                                       List<FieldProblem> problems) {
        if (date == null) {
            problems.add(new FieldProblem(dateField, "Date is missing. Enter the holiday's date as YYYY-MM-DD."));
        } else if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
            problems.add(new FieldProblem(dateField, "Date " + date + " is out of range. Enter a date from "
                    + FIRST_YEAR + " to " + LAST_YEAR + "."));
        }
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty()) {
            problems.add(new FieldProblem(nameField, "Name is missing. Enter the holiday's name, such as Good Friday."));
        } else if (cleanName.length() > MAX_NAME_LENGTH) {
            problems.add(new FieldProblem(nameField, "Name is " + cleanName.length() + " characters long. Use at most "
                    + MAX_NAME_LENGTH + "."));
        }
        return cleanName;
    }

    private static void checkYear(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new InvalidInputException("year", "Year " + year + " is out of range. Choose a year from "
                    + FIRST_YEAR + " to " + LAST_YEAR + ".");
        }
    }

    private void requireArea(long areaId) {
        boolean exists = jdbc.sql("SELECT EXISTS (SELECT 1 FROM workforce_area WHERE id = :id)")
                .param("id", areaId)
                .query(Boolean.class)
                .single();
        if (!exists) {
            throw NotFoundException.of("Area", areaId);
        }
    }

    private void upsertEdit(long areaId, LocalDate date, String action, String name, Long userId) {
        jdbc.sql("""
                        INSERT INTO area_holiday_edit (area_id, holiday_date, action, name, updated_by)
                        VALUES (:areaId, :date, :action, :name, :userId)
                        ON CONFLICT (area_id, holiday_date)
                        DO UPDATE SET action = excluded.action, name = excluded.name, updated_by = excluded.updated_by,
                                      updated_at = now()""")
                .param("areaId", areaId)
                .param("date", date)
                .param("action", action)
                .param("name", name)
                .param("userId", userId)
                .update();
    }

    private void deleteEdit(long areaId, LocalDate date) {
        jdbc.sql("DELETE FROM area_holiday_edit WHERE area_id = :areaId AND holiday_date = :date")
                .param("areaId", areaId)
                .param("date", date)
                .update();
    }
}
