package org.onedoor.eligibility.web;

import java.util.List;

import org.onedoor.businesses.BusinessProfileService;
import org.onedoor.directory.Directory;
import org.onedoor.eligibility.FactCatalog;
import org.onedoor.eligibility.internal.BusinessServices;
import org.onedoor.eligibility.internal.BusinessServices.Filter;
import org.onedoor.eligibility.internal.ServiceOption;
import org.onedoor.reference.ReferenceData;
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
                Model model) {
        model.addAttribute("business", profiles.read(id, null, null));
        panel(id, need, category, partner, model);
        return "eligibility/services";
    }

    @GetMapping("/businesses/{id}/services/panel")
    String panel(@PathVariable long id, @RequestParam(required = false) String need,
                 @RequestParam(required = false) String category, @RequestParam(required = false) Long partner,
                 Model model) {
        Filter filter = new Filter(blankToNull(need), blankToNull(category), partner);
        List<ServiceOption> options = businessServices.servicesFor(id, filter);

        model.addAttribute("businessId", id);
        model.addAttribute("filter", filter);
        model.addAttribute("options", options);
        model.addAttribute("needs", FactCatalog.NEEDS);
        model.addAttribute("categories", referenceData.employerServiceCategories());
        model.addAttribute("partners", directory.partners());
        model.addAttribute("panelUrl", UriComponentsBuilder.fromPath("/businesses/{id}/services/panel")
                .queryParamIfPresent("need", java.util.Optional.ofNullable(filter.need()))
                .queryParamIfPresent("category", java.util.Optional.ofNullable(filter.category()))
                .queryParamIfPresent("partner", java.util.Optional.ofNullable(filter.partner()))
                .buildAndExpand(id)
                .encode()
                .toUriString());
        return "eligibility/_panel :: panel";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
