package org.onedoor.directory.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.onedoor.directory.Directory;
import org.onedoor.directory.ServiceCapacity;
import org.onedoor.directory.internal.CapacityActor;
import org.onedoor.directory.internal.DirectoryCatalog;
import org.onedoor.directory.internal.OfficeDetails;
import org.onedoor.directory.internal.PartnerDetails;
import org.onedoor.directory.internal.PartnerRow;
import org.onedoor.directory.internal.ServiceCard;
import org.onedoor.directory.internal.ServiceDetails;
import org.onedoor.directory.internal.ServiceSearch;
import org.onedoor.identity.CurrentUser;
import org.onedoor.reference.ReferenceData;
import org.onedoor.shared.NotFoundException;
import org.onedoor.shared.PageRequest;
import org.onedoor.shared.ResultPage;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import jakarta.servlet.http.HttpServletResponse;

/** The directory pages that every signed-in user reads: service search, partners, services and offices. */
@Controller
class DirectoryPageController {

    private final DirectoryCatalog catalog;
    private final Directory directory;
    private final ReferenceData referenceData;

    DirectoryPageController(DirectoryCatalog catalog, Directory directory, ReferenceData referenceData) {
        this.catalog = catalog;
        this.directory = directory;
        this.referenceData = referenceData;
    }

    @GetMapping("/directory")
    String search(@RequestParam(name = "q", required = false) String query,
                  @RequestParam(name = "category", required = false) String category,
                  @RequestParam(name = "partner", required = false) Long partnerId,
                  @RequestParam(name = "county", required = false) String county,
                  @RequestParam(name = "page", required = false) Integer page,
                  Model model) {
        ServiceSearch search = new ServiceSearch(query, category, partnerId, county);
        ResultPage<ServiceCard> results = catalog.searchServices(search, PageRequest.of(page, null));

        model.addAttribute("search", search);
        model.addAttribute("results", results);
        model.addAttribute("capacities", directory.capacities(results.items().stream().map(ServiceCard::id).toList()));
        model.addAttribute("categories", referenceData.employerServiceCategories().stream()
                .map(c -> new Option(c.code(), c.name())).toList());
        model.addAttribute("partners", catalog.partners(null, new PageRequest(0, PageRequest.MAX_SIZE)).items().stream()
                .map(p -> new Option(String.valueOf(p.id()), p.name())).toList());
        model.addAttribute("counties", catalog.officeCounties().stream()
                .map(c -> new Option(c.fips(), c.label())).toList());
        addPageLinks(model, results, "/directory/services.csv");
        return "directory/search";
    }

    @GetMapping(value = "/directory/services.csv", produces = "text/csv")
    void servicesCsv(@RequestParam(name = "q", required = false) String query,
                     @RequestParam(name = "category", required = false) String category,
                     @RequestParam(name = "partner", required = false) Long partnerId,
                     @RequestParam(name = "county", required = false) String county,
                     HttpServletResponse response) throws IOException {
        List<ServiceCard> services = catalog.searchAllServices(new ServiceSearch(query, category, partnerId, county));

        startCsv(response, "services.csv");
        try (CSVPrinter csv = new CSVPrinter(response.getWriter(), CSVFormat.DEFAULT)) {
            csv.printRecord("id", "name", "partner", "program", "federal_program", "category", "eligibility",
                    "office", "city", "county", "time_zone", "last_verified_at", "last_verified_by", "review_due_at", "status");
            for (ServiceCard service : services) {
                csv.printRecord(service.id(), cell(service.name()), cell(service.partnerName()),
                        cell(service.programName()), cell(service.federalProgramName()), service.categoryName(),
                        cell(service.eligibilitySummary()), cell(service.officeName()), cell(service.officeCity()),
                        service.countyName(), service.officeTimeZone(), service.lastVerifiedAt(),
                        cell(service.lastVerifiedBy()), service.reviewDueAt(), verificationStatus(service));
            }
        }
    }

    @GetMapping("/directory/partners")
    String partners(@RequestParam(name = "q", required = false) String query,
                    @RequestParam(name = "page", required = false) Integer page,
                    Model model) {
        ResultPage<PartnerRow> results = catalog.partners(query, PageRequest.of(page, null));

        model.addAttribute("query", query);
        model.addAttribute("results", results);
        addPageLinks(model, results, "/directory/partners.csv");
        return "directory/partners";
    }

    @GetMapping(value = "/directory/partners.csv", produces = "text/csv")
    void partnersCsv(@RequestParam(name = "q", required = false) String query, HttpServletResponse response)
            throws IOException {
        List<PartnerRow> partners = catalog.partners(query, new PageRequest(0, PageRequest.MAX_SIZE)).items();

        startCsv(response, "partners.csv");
        try (CSVPrinter csv = new CSVPrinter(response.getWriter(), CSVFormat.DEFAULT)) {
            csv.printRecord("id", "code", "name", "offices", "programs", "active_services", "demo");
            for (PartnerRow partner : partners) {
                csv.printRecord(partner.id(), partner.code(), cell(partner.name()), partner.officeCount(),
                        partner.programCount(), partner.serviceCount(), partner.demo());
            }
        }
    }

    @GetMapping("/directory/partners/{id}")
    String partner(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        PartnerDetails partner = catalog.findPartner(id).orElseThrow(() -> NotFoundException.of("Partner", id));

        model.addAttribute("partner", partner);
        model.addAttribute("offices", catalog.officesOf(id));
        model.addAttribute("programs", catalog.programsOf(id));
        List<ServiceCard> services = catalog.servicesOfPartner(id);
        model.addAttribute("services", services);
        model.addAttribute("capacities", directory.capacities(services.stream().map(ServiceCard::id).toList()));
        model.addAttribute("canEdit", user != null && user.canAdministerPartner(id));
        return "directory/partner";
    }

    @GetMapping("/directory/services/{id}")
    String service(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        ServiceDetails service = catalog.findService(id).orElseThrow(() -> NotFoundException.of("Service", id));
        OfficeDetails office = catalog.findOffice(service.officeId()).orElseThrow();

        ServiceCapacity capacity = directory.capacity(id);

        model.addAttribute("service", service);
        model.addAttribute("office", office);
        model.addAttribute("reviewPeriodDays", catalog.findPartner(service.partnerId()).orElseThrow().reviewPeriodDays());
        model.addAttribute("canEdit", user != null && user.canAdministerPartner(service.partnerId()));
        model.addAttribute("capacity", capacity);
        model.addAttribute("canUpdateCapacity", user != null && CapacityActor.of(user).mayUpdate(service.partnerId()));
        model.addAttribute("capacityForm", CapacityForm.of(capacity));
        model.addAttribute("capacityUnits", CapacityForm.unitOptions());
        model.addAttribute("canVerify", user != null && user.canVerifyServicesOf(service.partnerId()));
        return "directory/service";
    }

    @GetMapping("/directory/offices/{id}")
    String office(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        OfficeDetails office = catalog.findOffice(id).orElseThrow(() -> NotFoundException.of("Office", id));

        model.addAttribute("office", office);
        List<ServiceCard> services = catalog.servicesOfOffice(id);
        model.addAttribute("services", services);
        model.addAttribute("capacities", directory.capacities(services.stream().map(ServiceCard::id).toList()));
        model.addAttribute("canEdit", user != null && user.canAdministerPartner(office.partnerId()));
        return "directory/office";
    }

    static String verificationStatus(ServiceCard service) {
        if (service.reviewOverdue()) {
            return "Review overdue";
        }
        return service.lastVerifiedAt() == null ? "Never verified" : "Verified";
    }

    /** Adds the previous, next and CSV links, keeping the request's filters. */
    private static void addPageLinks(Model model, ResultPage<?> results, String csvPath) {
        ServletUriComponentsBuilder current = ServletUriComponentsBuilder.fromCurrentRequest();
        model.addAttribute("previousUrl", results.hasPrevious()
                ? current.cloneBuilder().replaceQueryParam("page", results.page() - 1).build().toUriString() : null);
        model.addAttribute("nextUrl", results.hasNext()
                ? current.cloneBuilder().replaceQueryParam("page", results.page() + 1).build().toUriString() : null);
        model.addAttribute("csvUrl", current.cloneBuilder().replacePath(csvPath).replaceQueryParam("page")
                .build().toUriString());
    }

    private static void startCsv(HttpServletResponse response, String fileName) {
        response.setContentType("text/csv");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    }

    /**
     * Prefixes text that a spreadsheet would read as a formula with an apostrophe, following the OWASP advice
     * on CSV injection. Entries are typed by partner administrators, so this guards every text cell.
     */
    private static String cell(String text) {
        if (text != null && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
