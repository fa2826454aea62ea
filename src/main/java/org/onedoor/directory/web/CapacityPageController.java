package org.onedoor.directory.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.onedoor.directory.Directory;
import org.onedoor.directory.ServiceCapacity;
import org.onedoor.directory.internal.CapacityActor;
import org.onedoor.directory.internal.CapacityEditor;
import org.onedoor.directory.internal.DirectoryCatalog;
import org.onedoor.directory.internal.OfficeDetails;
import org.onedoor.directory.internal.ServiceDetails;
import org.onedoor.identity.CurrentUser;
import org.onedoor.shared.ConflictException;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.InvalidInputException.FieldProblem;
import org.onedoor.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The capacity box of the service page, its form, and the small fragments that live pages reload when
 * {@link CapacityEventStream} reports a change.
 */
@Controller
class CapacityPageController {

    private static final Logger log = LoggerFactory.getLogger(CapacityPageController.class);

    private final DirectoryCatalog catalog;
    private final Directory directory;
    private final CapacityEditor editor;

    CapacityPageController(DirectoryCatalog catalog, Directory directory, CapacityEditor editor) {
        this.catalog = catalog;
        this.directory = directory;
        this.editor = editor;
    }

    @GetMapping("/directory/services/{id}/capacity")
    String capacityBox(@PathVariable long id, Model model) {
        ServiceDetails service = service(id);
        model.addAttribute("service", service);
        model.addAttribute("office", catalog.findOffice(service.officeId()).orElseThrow());
        model.addAttribute("capacity", directory.capacity(id));
        return "directory/_capacity :: figures";
    }

    @GetMapping("/directory/services/{id}/capacity-tag")
    String capacityTag(@PathVariable long id, Model model) {
        service(id);
        model.addAttribute("serviceId", id);
        model.addAttribute("capacity", directory.capacity(id));
        return "directory/_capacity :: tag";
    }

    @PostMapping("/directory/services/{id}/capacity")
    String setCapacity(@PathVariable long id, @AuthenticationPrincipal CurrentUser user,
                       @ModelAttribute("capacityForm") CapacityForm form, Model model, HttpServletResponse response,
                       RedirectAttributes redirect) {
        ServiceDetails service = service(id);
        ServiceCapacity saved;
        try {
            saved = editor.set(CapacityActor.of(user), id, form.toFigures());
        } catch (InvalidInputException e) {
            log.info("Rejected the capacity form of service {}: {} invalid fields", id, e.problems().size());
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldProblem problem : e.problems()) {
                String field = "freshnessLimit".equals(problem.field()) ? "freshnessAmount" : problem.field();
                errors.merge(field, problem.message(), (first, second) -> first + " " + second);
            }
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return showServicePage(service, user, model, errors);
        }

        redirect.addFlashAttribute("notice", "Saved the capacity of " + service.name() + ": " + saved.summary() + ".");
        return "redirect:/directory/services/" + id + "#capacity";
    }

    @PostMapping("/directory/services/{id}/capacity/confirm")
    String confirmCapacity(@PathVariable long id, @AuthenticationPrincipal CurrentUser user,
                           RedirectAttributes redirect) {
        ServiceDetails service = service(id);
        try {
            ServiceCapacity confirmed = editor.confirm(CapacityActor.of(user), id);
            redirect.addFlashAttribute("notice", "Confirmed the capacity of " + service.name() + ": "
                    + confirmed.summary() + ".");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("notice", e.getMessage());
        }
        return "redirect:/directory/services/" + id + "#capacity";
    }

    /** Shows the service page again with the rejected form and its messages. */
    private String showServicePage(ServiceDetails service, CurrentUser user, Model model, Map<String, String> errors) {
        OfficeDetails office = catalog.findOffice(service.officeId()).orElseThrow();
        model.addAttribute("service", service);
        model.addAttribute("office", office);
        model.addAttribute("canEdit", user != null && user.canAdministerPartner(service.partnerId()));
        model.addAttribute("capacity", directory.capacity(service.id()));
        model.addAttribute("canUpdateCapacity", true);
        model.addAttribute("capacityUnits", CapacityForm.unitOptions());
        model.addAttribute("errors", errors);
        return "directory/service";
    }

    private ServiceDetails service(long id) {
        return catalog.findService(id).orElseThrow(() -> NotFoundException.of("Service", id));
    }
}
