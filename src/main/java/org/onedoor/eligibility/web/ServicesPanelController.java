package org.onedoor.eligibility.web;

import java.util.Optional;

import org.onedoor.businesses.BusinessProfileService;
import org.onedoor.directory.Directory;
import org.onedoor.eligibility.FactCatalog;
import org.onedoor.eligibility.internal.BusinessServices;
import org.onedoor.eligibility.internal.BusinessServices.Filter;
import org.onedoor.eligibility.internal.ServiceOptionsPage;
import org.onedoor.reference.ReferenceData;
import org.onedoor.shared.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The "Services for this business" panel: a fragment that the business page loads with htmx and reloads when
 * capacity changes, and the same panel as a page of its own for browsers without JavaScript.
 */
@Controller
class ServicesPanelController {

    private final BusinessServices businessServices;
    private final BusinessProfileService profiles;
    private final Directory directory;
    private final ReferenceData referenceData;

    ServicesPanelController(BusinessServices businessServices, BusinessProfileService profiles, Directory directory,
                            ReferenceData referenceData) {
        this.businessServices = businessServices;
        this.profiles = profiles;
        this.directory = directory;
        this.referenceData = referenceData;
    }

    @GetMapping("/businesses/{id}/services")
    String page(@PathVariable long id, @RequestParam(required = false) String need,
                @RequestParam(required = false) String category, @RequestParam(required = false) Long partner,
                @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                Model model) {
        model.addAttribute("business", profiles.read(id, null, null));
        panel(id, need, category, partner, page, size, model);
        return "eligibility/services";
    }

    @GetMapping("/businesses/{id}/services/panel")
    String panel(@PathVariable long id, @RequestParam(required = false) String need,
                 @RequestParam(required = false) String category, @RequestParam(required = false) Long partner,
                 @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                 Model model) {
        Filter filter = new Filter(blankToNull(need), blankToNull(category), partner);
        PageRequest pageRequest = new PageRequest(page == null ? 0 : page,
                size == null ? BusinessServices.DEFAULT_PAGE_SIZE : size);
        ServiceOptionsPage options = businessServices.servicesFor(id, filter, pageRequest);

        model.addAttribute("businessId", id);
        model.addAttribute("filter", filter);
        model.addAttribute("options", options);
        model.addAttribute("needs", FactCatalog.NEEDS);
        model.addAttribute("categories", referenceData.employerServiceCategories());
        model.addAttribute("partners", directory.partners());
        // The live refresh reloads the page on screen. The links go to the page of its own, which works without
        // JavaScript, and htmx swaps only the panel out of it.
        model.addAttribute("panelUrl", url("/businesses/{id}/services/panel", id, filter, pageRequest.page(), size));
        model.addAttribute("previousUrl", options.hasPrevious()
                ? url("/businesses/{id}/services", id, filter, pageRequest.page() - 1, size) : null);
        model.addAttribute("nextUrl", options.hasNext()
                ? url("/businesses/{id}/services", id, filter, pageRequest.page() + 1, size) : null);
        return "eligibility/_panel :: panel";
    }

    /** Builds a URL with the filters, the page when it is not the first, and the size when the caller gave one. */
    private static String url(String path, long id, Filter filter, int page, Integer size) {
        return UriComponentsBuilder.fromPath(path)
                .queryParamIfPresent("need", Optional.ofNullable(filter.need()))
                .queryParamIfPresent("category", Optional.ofNullable(filter.category()))
                .queryParamIfPresent("partner", Optional.ofNullable(filter.partner()))
                .queryParamIfPresent("page", page > 0 ? Optional.of(page) : Optional.empty())
                .queryParamIfPresent("size", Optional.ofNullable(size))
                .buildAndExpand(id)
                .encode()
                .toUriString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
