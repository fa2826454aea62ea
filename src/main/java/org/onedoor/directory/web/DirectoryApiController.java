package org.onedoor.directory.web;

import java.time.Instant;
import java.util.List;

import org.onedoor.directory.ServiceVerification;
import org.onedoor.directory.internal.AreaRow;
import org.onedoor.directory.internal.DirectoryCatalog;
import org.onedoor.directory.internal.OfficeDetails;
import org.onedoor.directory.internal.PartnerDetails;
import org.onedoor.directory.internal.PartnerRow;
import org.onedoor.directory.internal.ProgramDetails;
import org.onedoor.directory.internal.ServiceCard;
import org.onedoor.directory.internal.ServiceDetails;
import org.onedoor.directory.internal.ServiceSearch;
import org.onedoor.shared.NotFoundException;
import org.onedoor.shared.PageRequest;
import org.onedoor.shared.ResultPage;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Read-only JSON API of the service directory for partner systems and other clients. Unknown ids give 404
 * problem details through the shared exception mapping.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Directory", description = "Partners, their programs, offices and services to businesses")
class DirectoryApiController {

    private final DirectoryCatalog catalog;

    DirectoryApiController(DirectoryCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/areas")
    @Operation(summary = "List the workforce areas, ordered by name",
            description = "An area's id is what an HSDS import and the public contact form take as the area.")
    List<AreaRow> areas() {
        return catalog.areas();
    }

    @GetMapping("/partners")
    @Operation(summary = "List the partners, ordered by name",
            description = "Pages count from 0, and size is 1 to 200. The total is the number of matching partners.")
    ResultPage<PartnerJson> partners(
            @Parameter(description = "Words of the partner's name") @RequestParam(name = "q", required = false) String query,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        ResultPage<PartnerRow> results = catalog.partners(query, PageRequest.of(page, size));
        return new ResultPage<>(results.items().stream().map(PartnerJson::of).toList(), results.page(),
                results.size(), results.total());
    }

    @GetMapping("/partners/{id}")
    @Operation(summary = "Get a partner with its offices and programs")
    PartnerDetailJson partner(@PathVariable long id) {
        PartnerDetails partner = catalog.findPartner(id).orElseThrow(() -> NotFoundException.of("Partner", id));
        return new PartnerDetailJson(partner.id(), partner.code(), partner.name(), partner.description(),
                partner.website(), partner.reviewPeriodDays(), partner.demo(),
                catalog.officesOf(id).stream().map(OfficeJson::of).toList(),
                catalog.programsOf(id).stream().map(ProgramJson::of).toList());
    }

    @GetMapping("/programs")
    @Operation(summary = "List programs with their federal program codes, for every partner or for one")
    List<ProgramJson> programs(@Parameter(description = "Only this partner's programs; every partner's when absent")
                               @RequestParam(required = false) Long partnerId) {
        if (partnerId == null) {
            return catalog.allPrograms().stream().map(ProgramJson::of).toList();
        }
        catalog.findPartner(partnerId).orElseThrow(() -> NotFoundException.of("Partner", partnerId));
        return catalog.programsOf(partnerId).stream().map(ProgramJson::of).toList();
    }

    @GetMapping("/services")
    @Operation(summary = "Search active services to businesses",
            description = "Matches words in the service's name, description and eligibility, similar names, and "
                    + "the partner's name. Filters combine. Pages count from 0; size is 1 to 200.")
    ResultPage<ServiceJson> services(
            @Parameter(description = "Words to search for") @RequestParam(name = "q", required = false) String query,
            @Parameter(description = "An employer service category code, such as training")
            @RequestParam(required = false) String category,
            @RequestParam(required = false) Long partnerId,
            @Parameter(description = "The 5-digit FIPS code of the delivering office's county")
            @RequestParam(required = false) String countyFips,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        ResultPage<ServiceCard> results = catalog.searchServices(
                new ServiceSearch(query, category, partnerId, countyFips), PageRequest.of(page, size));
        return new ResultPage<>(results.items().stream().map(ServiceJson::of).toList(), results.page(),
                results.size(), results.total());
    }

    @GetMapping("/services/{id}")
    @Operation(summary = "Get a service with its delivering office and verification")
    ServiceDetailJson service(@PathVariable long id) {
        ServiceDetails service = catalog.findService(id).orElseThrow(() -> NotFoundException.of("Service", id));
        OfficeDetails office = catalog.findOffice(service.officeId()).orElseThrow();
        return ServiceDetailJson.of(service, office);
    }

    @GetMapping("/offices/{id}")
    @Operation(summary = "Get an office with its address, phone, hours and time zone")
    OfficeJson office(@PathVariable long id) {
        return OfficeJson.of(catalog.findOffice(id).orElseThrow(() -> NotFoundException.of("Office", id)));
    }

    record PartnerJson(long id, String code, String name, boolean demo, int officeCount, int programCount,
                       int activeServiceCount) {

        static PartnerJson of(PartnerRow row) {
            return new PartnerJson(row.id(), row.code(), row.name(), row.demo(), row.officeCount(),
                    row.programCount(), row.serviceCount());
        }
    }

    record PartnerDetailJson(long id, String code, String name, String description, String website,
                             int reviewPeriodDays, boolean demo, List<OfficeJson> offices,
                             List<ProgramJson> programs) {
    }

    record ProgramJson(long id, long partnerId, String name, String federalProgramCode, String federalProgramName,
                       String description) {

        static ProgramJson of(ProgramDetails program) {
            return new ProgramJson(program.id(), program.partnerId(), program.name(), program.federalProgramCode(),
                    program.federalProgramName(), program.description());
        }
    }

    record OfficeJson(long id, long partnerId, String partnerName, String name, String addressLine1,
                      String addressLine2, String city, String state, String zip, String countyFips,
                      String countyName, String phone, String phoneE164, String email, String timeZone,
                      String hours, boolean demo) {

        static OfficeJson of(OfficeDetails office) {
            return new OfficeJson(office.id(), office.partnerId(), office.partnerName(), office.name(),
                    office.addressLine1(), office.addressLine2(), office.city(), office.state(), office.zip(),
                    office.countyFips(), office.countyName(), office.phone(), office.phoneE164(), office.email(),
                    office.timeZone(), office.hours(), office.demo());
        }
    }

    /**
     * The verification of a service: when and by which user it was last confirmed current, and its review date.
     *
     * @param status {@code overdue} (an active service past its review date, verified or not), else
     *               {@code not-verified} or {@code verified}
     * @param reviewDueAt the partner's review period after the last verification, or after the service was
     *                    created when it was never verified
     */
    record VerificationJson(String status, Instant lastVerifiedAt, String lastVerifiedBy, Instant reviewDueAt,
                            boolean reviewOverdue) {

        static VerificationJson of(ServiceVerification verification) {
            return new VerificationJson(verification.status(), verification.lastVerifiedAt(),
                    verification.lastVerifiedBy(), verification.reviewDueAt(), verification.reviewOverdue());
        }
    }

    record CategoryJson(String code, String name) {
    }

    record ServiceJson(long id, String name, long partnerId, String partnerName, long programId,
                       String programName, CategoryJson category, String eligibility, long officeId,
                       String officeName, String officeTimeZone, VerificationJson verification) {

        static ServiceJson of(ServiceCard card) {
            return new ServiceJson(card.id(), card.name(), card.partnerId(), card.partnerName(), card.programId(),
                    card.programName(), new CategoryJson(card.categoryCode(), card.categoryName()),
                    card.eligibilitySummary(), card.officeId(), card.officeName(), card.officeTimeZone(),
                    VerificationJson.of(card.verification()));
        }
    }

    record ServiceDetailJson(long id, String name, String description, String eligibilityDescription,
                             CategoryJson category, long partnerId, String partnerName, long programId,
                             String programName, String federalProgramName, String contactName,
                             String contactEmail, String contactPhone, boolean active, OfficeJson office,
                             VerificationJson verification, TimeLimitsJson timeLimits) {

        static ServiceDetailJson of(ServiceDetails service, OfficeDetails office) {
            return new ServiceDetailJson(service.id(), service.name(), service.description(),
                    service.eligibilityDescription(), new CategoryJson(service.categoryCode(), service.categoryName()),
                    service.partnerId(), service.partnerName(), service.programId(), service.programName(),
                    service.federalProgramName(), service.contactName(), service.contactEmail(),
                    service.contactPhone(), service.active(), OfficeJson.of(office),
                    VerificationJson.of(service.verification()),
                    new TimeLimitsJson(service.responseDays(), service.firstContactDays()));
        }
    }

    /**
     * The business days a receiving partner has for a referral to this service, counted in the delivering
     * office's time zone and its area's holiday calendar.
     *
     * @param responseDays     days to accept or decline the referral
     * @param firstContactDays days to make first contact with the business
     */
    record TimeLimitsJson(Integer responseDays, Integer firstContactDays) {
    }
}
