package org.onedoor.calendar.web;

import java.time.LocalDate;
import java.util.List;

import org.onedoor.calendar.BusinessCalendar;
import org.onedoor.calendar.BusinessCalendar.HolidayEntry;
import org.onedoor.calendar.Holiday;
import org.onedoor.identity.CurrentUser;
import org.onedoor.shared.InvalidInputException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Reads and replaces an area's holidays of one year. Any staff member may read them, and administrators change them. */
@RestController
@RequestMapping("/api/v1/areas/{areaId}/holidays")
@Tag(name = "Calendar", description = "The holidays that business days skip, per workforce area")
class HolidayApiController {

    private final BusinessCalendar calendar;

    HolidayApiController(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    @GetMapping
    @Operation(summary = "List an area's holidays of a year",
            description = "FEDERAL: a US federal holiday on its observed date; LOCAL: a holiday the area added; "
                    + "REMOVED: a federal holiday the area made a business day. The year defaults to the current one.")
    List<Holiday> holidays(@PathVariable long areaId, @RequestParam(required = false) Integer year) {
        return calendar.holidays(areaId, year == null ? LocalDate.now().getYear() : year);
    }

    @PutMapping
    @Operation(summary = "Replace an area's holidays of a year",
            description = "Send every holiday the area keeps that year as {date, name}. A federal holiday left out "
                    + "becomes a business day for the area, and a date that is not a federal holiday becomes a local "
                    + "holiday. Administrators only.")
    List<Holiday> replace(@PathVariable long areaId, @RequestParam(required = false) Integer year,
                          @AuthenticationPrincipal CurrentUser user, @RequestBody List<HolidayEntry> holidays) {
        if (user == null || !user.isAdministrator()) {
            throw new AccessDeniedException("Only administrators may change an area's holidays");
        }
        if (year == null) {
            throw new InvalidInputException("year", "Year is missing. Add ?year= with the year of the holidays, such as 2027.");
        }
        return calendar.replaceHolidays(areaId, year, holidays, user.id());
    }
}
