package org.onedoor.directory.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.onedoor.directory.internal.DirectoryCatalog;
import org.onedoor.directory.internal.DirectoryEditor;
import org.onedoor.directory.internal.DirectoryTimes;
import org.onedoor.directory.internal.OfficeChanges;
import org.onedoor.directory.internal.OfficeDetails;
import org.onedoor.directory.internal.PartnerChanges;
import org.onedoor.directory.internal.PartnerDetails;
import org.onedoor.directory.internal.ProgramChanges;
import org.onedoor.directory.internal.ProgramDetails;
import org.onedoor.directory.internal.ServiceChanges;
import org.onedoor.directory.internal.ServiceDetails;
import org.onedoor.identity.CurrentUser;
import org.onedoor.reference.ReferenceData;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.InvalidInputException.FieldProblem;
import org.onedoor.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The forms with which partner administrators keep their partner's directory entries current. A rejected form is
 * shown again with a message next to each invalid field. A saved change redirects to the changed entry, where an
 * alert states what changed. {@link DirectoryEditor} checks the rights again on every change.
 */
@Controller
class DirectoryEditController {

    private static final Logger log = LoggerFactory.getLogger(DirectoryEditController.class);

    private final DirectoryCatalog catalog;
    private final DirectoryEditor editor;
    private final ReferenceData referenceData;

    DirectoryEditController(DirectoryCatalog catalog, DirectoryEditor editor, ReferenceData referenceData) {
        this.catalog = catalog;
        this.editor = editor;
        this.referenceData = referenceData;
    }

    // Partner details

    @GetMapping("/directory/partners/{id}/edit")
    String editPartner(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        PartnerDetails partner = partner(id, user);

        model.addAttribute("form", PartnerChanges.of(partner));
        return partnerForm(model, partner);
    }

    @PostMapping("/directory/partners/{id}/edit")
    String updatePartner(@PathVariable long id, @AuthenticationPrincipal CurrentUser user,
                         @ModelAttribute("form") PartnerChanges form, BindingResult binding, Model model,
                         HttpServletResponse response, RedirectAttributes redirect) {
        PartnerDetails partner = partner(id, user);

        try {
            rejectBindingErrors(binding);
            editor.updatePartner(user, id, form);
        } catch (InvalidInputException e) {
            showProblems(model, e, response, "partner " + id);
            return partnerForm(model, partner);
        }

        redirect.addFlashAttribute("notice", "Saved the details of " + form.name().strip() + ".");
        return "redirect:/directory/partners/" + id;
    }

    // Offices

    @GetMapping("/directory/partners/{partnerId}/offices/new")
    String newOffice(@PathVariable long partnerId, @AuthenticationPrincipal CurrentUser user, Model model) {
        PartnerDetails partner = partner(partnerId, user);

        model.addAttribute("form", OfficeChanges.empty());
        return officeForm(model, partner, null);
    }

    @PostMapping("/directory/partners/{partnerId}/offices/new")
    String openOffice(@PathVariable long partnerId, @AuthenticationPrincipal CurrentUser user,
                      @ModelAttribute("form") OfficeChanges form, BindingResult binding, Model model,
                      HttpServletResponse response, RedirectAttributes redirect) {
        PartnerDetails partner = partner(partnerId, user);

        long officeId;
        try {
            rejectBindingErrors(binding);
            officeId = editor.openOffice(user, partnerId, form);
        } catch (InvalidInputException e) {
            showProblems(model, e, response, "new office of partner " + partnerId);
            return officeForm(model, partner, null);
        }

        redirect.addFlashAttribute("notice", "Added the office " + form.name().strip() + " to " + partner.name() + ".");
        return "redirect:/directory/offices/" + officeId;
    }

    @GetMapping("/directory/offices/{id}/edit")
    String editOffice(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        OfficeDetails office = catalog.findOffice(id).orElseThrow(() -> NotFoundException.of("Office", id));
        PartnerDetails partner = partner(office.partnerId(), user);

        model.addAttribute("form", OfficeChanges.of(office));
        return officeForm(model, partner, office);
    }

    @PostMapping("/directory/offices/{id}/edit")
    String updateOffice(@PathVariable long id, @AuthenticationPrincipal CurrentUser user,
                        @ModelAttribute("form") OfficeChanges form, BindingResult binding, Model model,
                        HttpServletResponse response, RedirectAttributes redirect) {
        OfficeDetails office = catalog.findOffice(id).orElseThrow(() -> NotFoundException.of("Office", id));
        PartnerDetails partner = partner(office.partnerId(), user);

        try {
            rejectBindingErrors(binding);
            editor.updateOffice(user, id, form);
        } catch (InvalidInputException e) {
            showProblems(model, e, response, "office " + id);
            return officeForm(model, partner, office);
        }

        redirect.addFlashAttribute("notice", "Saved the office " + form.name().strip() + ".");
        return "redirect:/directory/offices/" + id;
    }

    // Programs

    @GetMapping("/directory/partners/{partnerId}/programs/new")
    String newProgram(@PathVariable long partnerId, @AuthenticationPrincipal CurrentUser user, Model model) {
        PartnerDetails partner = partner(partnerId, user);

        model.addAttribute("form", ProgramChanges.empty());
        return programForm(model, partner, null);
    }

    @PostMapping("/directory/partners/{partnerId}/programs/new")
    String addProgram(@PathVariable long partnerId, @AuthenticationPrincipal CurrentUser user,
                      @ModelAttribute("form") ProgramChanges form, BindingResult binding, Model model,
                      HttpServletResponse response, RedirectAttributes redirect) {
        PartnerDetails partner = partner(partnerId, user);

        try {
            rejectBindingErrors(binding);
            editor.addProgram(user, partnerId, form);
        } catch (InvalidInputException e) {
            showProblems(model, e, response, "new program of partner " + partnerId);
            return programForm(model, partner, null);
        }

        redirect.addFlashAttribute("notice", "Added the program " + form.name().strip() + " to " + partner.name() + ".");
        return "redirect:/directory/partners/" + partnerId;
    }

    @GetMapping("/directory/programs/{id}/edit")
    String editProgram(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        ProgramDetails program = catalog.findProgram(id).orElseThrow(() -> NotFoundException.of("Program", id));
        PartnerDetails partner = partner(program.partnerId(), user);

        model.addAttribute("form", ProgramChanges.of(program));
        return programForm(model, partner, program);
    }

    @PostMapping("/directory/programs/{id}/edit")
    String updateProgram(@PathVariable long id, @AuthenticationPrincipal CurrentUser user,
                         @ModelAttribute("form") ProgramChanges form, BindingResult binding, Model model,
                         HttpServletResponse response, RedirectAttributes redirect) {
        ProgramDetails program = catalog.findProgram(id).orElseThrow(() -> NotFoundException.of("Program", id));
        PartnerDetails partner = partner(program.partnerId(), user);

        try {
            rejectBindingErrors(binding);
            editor.updateProgram(user, id, form);
        } catch (InvalidInputException e) {
            showProblems(model, e, response, "program " + id);
            return programForm(model, partner, program);
        }

        redirect.addFlashAttribute("notice", "Saved the program " + form.name().strip() + ".");
        return "redirect:/directory/partners/" + partner.id();
    }

    // Services

    @GetMapping("/directory/partners/{partnerId}/services/new")
    String newService(@PathVariable long partnerId, @AuthenticationPrincipal CurrentUser user, Model model) {
        PartnerDetails partner = partner(partnerId, user);

        model.addAttribute("form", ServiceChanges.empty());
        return serviceForm(model, partner, null);
    }

    @PostMapping("/directory/partners/{partnerId}/services/new")
    String addService(@PathVariable long partnerId, @AuthenticationPrincipal CurrentUser user,
                      @ModelAttribute("form") ServiceChanges form, BindingResult binding, Model model,
                      HttpServletResponse response, RedirectAttributes redirect) {
        PartnerDetails partner = partner(partnerId, user);

        long serviceId;
        try {
            rejectBindingErrors(binding);
            serviceId = editor.addService(user, partnerId, form);
        } catch (InvalidInputException e) {
            showProblems(model, e, response, "new service of partner " + partnerId);
            return serviceForm(model, partner, null);
        }

        redirect.addFlashAttribute("notice", "Added the service " + form.name().strip() + ". It shows as never "
                + "verified until you mark it verified.");
        return "redirect:/directory/services/" + serviceId;
    }

    @GetMapping("/directory/services/{id}/edit")
    String editService(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        ServiceDetails service = catalog.findService(id).orElseThrow(() -> NotFoundException.of("Service", id));
        PartnerDetails partner = partner(service.partnerId(), user);

        model.addAttribute("form", ServiceChanges.of(service));
        return serviceForm(model, partner, service);
    }

    @PostMapping("/directory/services/{id}/edit")
    String updateService(@PathVariable long id, @AuthenticationPrincipal CurrentUser user,
                         @ModelAttribute("form") ServiceChanges form, BindingResult binding, Model model,
                         HttpServletResponse response, RedirectAttributes redirect) {
        ServiceDetails service = catalog.findService(id).orElseThrow(() -> NotFoundException.of("Service", id));
        PartnerDetails partner = partner(service.partnerId(), user);

        try {
            rejectBindingErrors(binding);
            editor.updateService(user, id, form);
        } catch (InvalidInputException e) {
            showProblems(model, e, response, "service " + id);
            return serviceForm(model, partner, service);
        }

        redirect.addFlashAttribute("notice", "Saved the service " + form.name().strip() + ".");
        return "redirect:/directory/services/" + id;
    }

    @PostMapping("/directory/services/{id}/verify")
    String markServiceVerified(@PathVariable long id, @AuthenticationPrincipal CurrentUser user,
                               RedirectAttributes redirect) {
        ServiceDetails service = catalog.findService(id).orElseThrow(() -> NotFoundException.of("Service", id));
        OfficeDetails office = catalog.findOffice(service.officeId()).orElseThrow();

        Instant verifiedAt = editor.markServiceVerified(user, id);

        redirect.addFlashAttribute("notice", "Marked " + service.name() + " as verified on "
                + DirectoryTimes.format(verifiedAt, office.timeZone()) + " by " + user.displayName() + ".");
        return "redirect:/directory/services/" + id;
    }

    /** Loads the partner and rejects users who may not change its entries, before any form is shown. */
    private PartnerDetails partner(long partnerId, CurrentUser user) {
        PartnerDetails partner = catalog.findPartner(partnerId)
                .orElseThrow(() -> NotFoundException.of("Partner", partnerId));
        if (user == null || !user.canAdministerPartner(partnerId)) {
            log.info("Rejected the directory form of partner {} for user {}", partnerId, user == null ? null : user.id());
            throw new AccessDeniedException("Only administrators of " + partner.name() + " may change its entries.");
        }
        return partner;
    }

    private String partnerForm(Model model, PartnerDetails partner) {
        model.addAttribute("partner", partner);
        return "directory/partner-form";
    }

    private String officeForm(Model model, PartnerDetails partner, OfficeDetails office) {
        model.addAttribute("partner", partner);
        model.addAttribute("office", office);
        return "directory/office-form";
    }

    private String programForm(Model model, PartnerDetails partner, ProgramDetails program) {
        model.addAttribute("partner", partner);
        model.addAttribute("program", program);
        model.addAttribute("federalPrograms", referenceData.federalPrograms().stream()
                .map(p -> new Option(p.code(), p.name())).toList());
        return "directory/program-form";
    }

    private String serviceForm(Model model, PartnerDetails partner, ServiceDetails service) {
        model.addAttribute("partner", partner);
        model.addAttribute("service", service);
        model.addAttribute("categories", referenceData.employerServiceCategories().stream()
                .map(c -> new Option(c.code(), c.name())).toList());
        model.addAttribute("programs", catalog.programsOf(partner.id()).stream()
                .map(p -> new Option(String.valueOf(p.id()), p.name())).toList());
        model.addAttribute("offices", catalog.officesOf(partner.id()).stream()
                .map(o -> new Option(String.valueOf(o.id()), o.name() + " (" + o.city() + ")")).toList());
        return "directory/service-form";
    }

    /** Turns values that did not convert, such as a program id that is not a number, into field problems. */
    private static void rejectBindingErrors(BindingResult binding) {
        if (!binding.hasFieldErrors()) {
            return;
        }
        List<FieldProblem> problems = binding.getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), "Value '" + error.getRejectedValue() + "' is "
                        + "invalid. " + (error.getField().endsWith("Days")
                        ? "Enter a whole number of business days from 1 to 60."
                        : "Choose an entry from the list.")))
                .toList();
        throw new InvalidInputException(problems);
    }

    private static void showProblems(Model model, InvalidInputException e, HttpServletResponse response,
                                     String what) {
        log.info("Rejected the form for {}: {} invalid fields", what, e.problems().size());
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldProblem problem : e.problems()) {
            errors.merge(problem.field(), problem.message(), (first, second) -> first + " " + second);
        }
        model.addAttribute("errors", errors);
        response.setStatus(HttpStatus.BAD_REQUEST.value());
    }
}
