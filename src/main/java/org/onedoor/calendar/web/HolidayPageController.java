package org.onedoor.calendar.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.onedoor.calendar.BusinessCalendar;
import org.onedoor.calendar.BusinessCalendar.AreaName;
import org.onedoor.calendar.Holiday;
import org.onedoor.identity.CurrentUser;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.InvalidInputException.FieldProblem;
import org.onedoor.shared.NotFoundException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The holidays page of a workforce area. Every staff member can open it, and administrators add local holidays
 * and make federal holidays business days for the area.
 */
@Controller
class HolidayPageController {

    private final BusinessCalendar calendar;

    HolidayPageController(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    /** Opens the holidays of the only area, or of the first area by name when there are several. */
    @GetMapping("/holidays")
    String firstArea(@RequestParam(required = false) Integer year) {
        List<AreaName> areas = calendar.areas();
        if (areas.isEmpty()) {
            throw new NotFoundException("No workforce area exists yet. Import or add an area first.");
        }
        return "redirect:/areas/" + areas.get(0).id() + "/holidays" + (year == null ? "" : "?year=" + year);
    }

    /** Opens the area and year chosen in the page's form. */
    @GetMapping("/holidays/choose")
    String choose(@RequestParam long area, @RequestParam(required = false) Integer year) {
        return "redirect:/areas/" + area + "/holidays" + (year == null ? "" : "?year=" + year);
    }

    @GetMapping("/areas/{areaId}/holidays")
    String holidays(@PathVariable long areaId, @RequestParam(required = false) Integer year, Model model) {
        return show(areaId, year == null ? LocalDate.now().getYear() : year, model, Map.of(), null, null);
    }

    @PostMapping("/areas/{areaId}/holidays/add")
    String add(@PathVariable long areaId, @AuthenticationPrincipal CurrentUser user,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
               @RequestParam(required = false) String name, @RequestParam int year, Model model,
               HttpServletResponse response, RedirectAttributes redirect) {
        requireAdministrator(user);
        try {
            calendar.addLocalHoliday(areaId, date, name, user.id());
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            Map<String, String> errors = new java.util.LinkedHashMap<>();
            for (FieldProblem problem : e.problems()) {
                errors.putIfAbsent(problem.field(), problem.message());
            }
            return show(areaId, year, model, errors, date, name);
        }
        redirect.addFlashAttribute("notice", "Added the local holiday " + name.strip() + " on " + date + ".");
        return "redirect:/areas/" + areaId + "/holidays?year=" + date.getYear();
    }

    @PostMapping("/areas/{areaId}/holidays/remove")
    String remove(@PathVariable long areaId, @AuthenticationPrincipal CurrentUser user,
                  @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                  RedirectAttributes redirect) {
        requireAdministrator(user);
        calendar.removeHoliday(areaId, date, user.id());
        redirect.addFlashAttribute("notice", date + " is now a business day in this area.");
        return "redirect:/areas/" + areaId + "/holidays?year=" + date.getYear();
    }

    @PostMapping("/areas/{areaId}/holidays/restore")
    String restore(@PathVariable long areaId, @AuthenticationPrincipal CurrentUser user,
                   @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                   RedirectAttributes redirect) {
        requireAdministrator(user);
        calendar.restoreFederalHoliday(areaId, date, user.id());
        redirect.addFlashAttribute("notice", date + " is a holiday again in this area.");
        return "redirect:/areas/" + areaId + "/holidays?year=" + date.getYear();
    }

    private String show(long areaId, int year, Model model, Map<String, String> errors, LocalDate date, String name) {
        List<AreaName> areas = calendar.areas();
        AreaName area = areas.stream().filter(candidate -> candidate.id() == areaId).findFirst()
                .orElseThrow(() -> NotFoundException.of("Area", areaId));
        List<Holiday> holidays = calendar.holidays(areaId, year);

        model.addAttribute("areas", areas);
        model.addAttribute("area", area);
        model.addAttribute("year", year);
        model.addAttribute("holidays", holidays);
        model.addAttribute("errors", errors);
        model.addAttribute("date", date);
        model.addAttribute("name", name);
        return "calendar/holidays";
    }

    private static void requireAdministrator(CurrentUser user) {
        if (user == null || !user.isAdministrator()) {
            throw new AccessDeniedException("Only administrators may change an area's holidays");
        }
    }
}
