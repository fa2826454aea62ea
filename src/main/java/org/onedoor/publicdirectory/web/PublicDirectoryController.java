package org.onedoor.publicdirectory.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.onedoor.publicdirectory.internal.ContactRequestForm;
import org.onedoor.publicdirectory.internal.ContactRequestService;
import org.onedoor.publicdirectory.internal.ContactRequestService.Submitted;
import org.onedoor.publicdirectory.internal.PlainCategories;
import org.onedoor.publicdirectory.internal.PlainEligibility;
import org.onedoor.publicdirectory.internal.PublicCatalog;
import org.onedoor.publicdirectory.internal.PublicCatalog.Area;
import org.onedoor.publicdirectory.internal.PublicSearch;
import org.onedoor.publicdirectory.internal.PublicService;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.InvalidInputException.FieldProblem;
import org.onedoor.shared.NotFoundException;
import org.onedoor.shared.PageRequest;
import org.onedoor.shared.ResultPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The public pages for businesses, open without sign-in: service search, a service page and the form to ask to
 * be contacted, with its confirmation. The staff side of the requests is {@link ContactRequestInboxController}.
 */
@Controller
class PublicDirectoryController {

    private static final Logger log = LoggerFactory.getLogger(PublicDirectoryController.class);
    private static final int PAGE_SIZE = 10;

    private final PublicCatalog catalog;
    private final PlainEligibility eligibility;
    private final ContactRequestService requests;

    PublicDirectoryController(PublicCatalog catalog, PlainEligibility eligibility, ContactRequestService requests) {
        this.catalog = catalog;
        this.eligibility = eligibility;
        this.requests = requests;
    }

    @GetMapping("/find-services")
    String search(@RequestParam(name = "q", required = false) String query,
                  @RequestParam(name = "category", required = false) String category,
                  @RequestParam(name = "county", required = false) String county,
                  @RequestParam(name = "page", required = false) Integer page,
                  Model model) {
        PublicSearch search = new PublicSearch(query, category, county);
        ResultPage<PublicService> results = catalog.search(search, PageRequest.of(page, PAGE_SIZE));

        model.addAttribute("search", search);
        model.addAttribute("results", results);
        model.addAttribute("eligibility", eligibility.describe(results.items()));
        model.addAttribute("categories", PlainCategories.all());
        model.addAttribute("counties", catalog.counties());
        model.addAttribute("previousUrl", results.hasPrevious() ? pageUrl(results.page() - 1) : null);
        model.addAttribute("nextUrl", results.hasNext() ? pageUrl(results.page() + 1) : null);
        return "publicdirectory/search";
    }

    @GetMapping("/find-services/services/{id}")
    String service(@PathVariable long id, Model model) {
        PublicService service = catalog.findService(id).orElseThrow(() -> NotFoundException.of("Service", id));

        model.addAttribute("service", service);
        model.addAttribute("eligibility", eligibility.describe(List.of(service)));
        return "publicdirectory/service";
    }

    @GetMapping("/find-services/contact")
    String contactForm(@RequestParam(name = "service", required = false) List<Long> services,
                       @RequestParam(name = "area", required = false) Long area,
                       Model model) {
        return showForm(model, ContactRequestForm.empty(services, area));
    }

    @PostMapping("/find-services/contact")
    String sendRequest(@ModelAttribute ContactRequestForm form, Model model, HttpServletResponse response,
                       RedirectAttributes redirect) {
        if (form.filledByBot()) {
            // The sender gets the usual confirmation, so a bot learns nothing from the response.
            log.info("Contact request dropped because the hidden honeypot field was filled in");
            return "redirect:/find-services/contact/sent";
        }

        Submitted submitted;
        try {
            submitted = requests.submit(form);
        } catch (InvalidInputException invalid) {
            log.info("Contact request form rejected with {} invalid fields", invalid.problems().size());
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldProblem problem : invalid.problems()) {
                errors.merge(problem.field(), problem.message(), (first, second) -> first + " " + second);
            }
            model.addAttribute("errors", errors);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return showForm(model, form);
        }

        redirect.addFlashAttribute("submitted", submitted);
        return "redirect:/find-services/contact/sent";
    }

    @GetMapping("/find-services/contact/sent")
    String sent() {
        return "publicdirectory/sent";
    }

    /**
     * Shows the form with the services of one area to check: the area of the first chosen service, else the area
     * chosen on the form, else the only area. With several areas and none chosen, the form shows a region field.
     */
    private String showForm(Model model, ContactRequestForm form) {
        List<Area> areas = catalog.areas();
        List<PublicService> chosen = catalog.servicesWithIds(form.services());
        Long areaId = !chosen.isEmpty() ? Long.valueOf(chosen.get(0).areaId())
                : form.area() != null ? form.area()
                : areas.size() == 1 ? Long.valueOf(areas.get(0).id()) : null;

        model.addAttribute("form", form);
        model.addAttribute("areas", areas);
        model.addAttribute("areaId", areaId);
        model.addAttribute("chosen", chosen);
        model.addAttribute("services", areaId == null ? List.of() : catalog.servicesOfArea(areaId));
        model.addAttribute("consentText", ContactRequestService.CONSENT_TEXT);
        return "publicdirectory/contact";
    }

    private static String pageUrl(int page) {
        return ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page).build().toUriString();
    }
}
