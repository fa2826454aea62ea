package org.onedoor.businesses.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.onedoor.businesses.BusinessMatch;
import org.onedoor.businesses.BusinessProfile;
import org.onedoor.businesses.BusinessProfileService;
import org.onedoor.businesses.BusinessProfileService.Editor;
import org.onedoor.businesses.BusinessProfileService.MissingFact;
import org.onedoor.businesses.BusinessProfileService.NewContact;
import org.onedoor.businesses.BusinessSearch;
import org.onedoor.businesses.PartnerFields;
import org.onedoor.identity.CurrentUser;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.PageRequest;
import org.onedoor.shared.ResultPage;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** JSON API for business search, profiles and their edits; the pages are BusinessPageController. */
@RestController
@RequestMapping("/api/v1/businesses")
@Tag(name = "Businesses", description = "Search the shared business profiles, read one profile with its sources, "
        + "provenance and history, and change it")
class BusinessApiController {

    static final String API_SOURCE = "OneDoor API";

    private final BusinessSearch search;
    private final BusinessProfileService profiles;
    private final PartnerFields partnerFields;

    BusinessApiController(BusinessSearch search, BusinessProfileService profiles, PartnerFields partnerFields) {
        this.search = search;
        this.profiles = profiles;
        this.partnerFields = partnerFields;
    }

    @GetMapping
    @Operation(summary = "Search businesses by legal name, trade name, phone, address or FEIN",
            description = "Ignores case, accents and apostrophe style and reads & as 'and'; phones match by digits in "
                    + "any format. Each item says why it matched. Without q, lists all businesses by legal name. "
                    + "Pages count from 0; size is 1 to 200, default 20. Partner fields are neither searched nor "
                    + "returned.")
    ResultPage<BusinessMatch> search(@RequestParam(name = "q", required = false) String query,
                                     @RequestParam(name = "page", required = false) Integer page,
                                     @RequestParam(name = "size", required = false) Integer size) {
        return search.search(query, PageRequest.of(page, size));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a business with its establishments, contacts, the provenance of each value, the partner "
            + "fields you may see, source records and history",
            description = "Each read of a confidential partner field value is recorded with who, when and this path.")
    BusinessProfile profile(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        return profiles.read(id, user, "GET /api/v1/businesses/" + id);
    }

    @PatchMapping(path = "/{id}", consumes = {"application/merge-patch+json", "application/json"})
    @Operation(summary = "Change profile fields with a JSON merge patch",
            description = "Keys: legalName, tradeNames (replaces the list), fein, ownershipType (FOR_PROFIT, NONPROFIT, "
                    + "PUBLIC), naicsCode, yearStarted, employeeBand (1-4, 5-9, 10-19, 20-49, 50-99, 100-249, 250-499, "
                    + "500-999, 1000+), website, layoffAnnounced (true or false), hiringNeeds (a list of ENTRY_LEVEL, "
                    + "SKILLED_TRADES, TECHNICAL, PROFESSIONAL, ON_THE_JOB_TRAINEES, APPRENTICES, YOUTH_WORK_EXPERIENCE, "
                    + "SEASONAL; [] for none), hourlyWageOffered (US dollars, such as 18.50), "
                    + "hiresPeopleWithDisabilities and hiresVeterans (true or false), establishments {id: {countyFips, uiAccountNumber, worksiteEmployees, "
                    + "timeZone}} and contacts {id: {name, role, email, phones, preferredMethod} or null to remove}. "
                    + "null clears a value. A value equal to the known one records nothing. Unknown keys and invalid "
                    + "values give 400 naming each field.")
    BusinessProfile update(@PathVariable long id, @RequestBody Map<String, Object> patch,
                           @AuthenticationPrincipal CurrentUser user) {
        profiles.update(id, patch, Editor.staff(user, API_SOURCE));
        return profiles.read(id, user, "PATCH /api/v1/businesses/" + id);
    }

    @GetMapping("/{id}/missing-facts")
    @Operation(summary = "List the facts this business's profile lacks",
            description = "Each item names the merge patch path that fills it, such as establishments.12.timeZone, or "
                    + "partnerFields.7 for a required partner field you may fill.")
    List<MissingFact> missingFacts(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        return profiles.missingFacts(id, user);
    }

    @PostMapping("/{id}/contact-people")
    @Operation(summary = "Add a contact person",
            description = "preferredMethod is EMAIL, PHONE, TEXT, MAIL or IN_PERSON; phones are kept as entered.")
    ResponseEntity<BusinessProfile.Contact> addContact(@PathVariable long id, @RequestBody NewContact contact,
                                                       @AuthenticationPrincipal CurrentUser user) {
        long contactId = profiles.addContact(id, contact, Editor.staff(user, API_SOURCE));
        BusinessProfile profile = profiles.read(id, null, null);
        BusinessProfile.Contact added = profile.contacts().stream()
                .filter(known -> known.id() == contactId)
                .findFirst()
                .orElseThrow();
        return ResponseEntity.created(URI.create("/api/v1/businesses/" + id)).body(added);
    }

    @PutMapping("/{id}/partner-fields/{fieldId}")
    @Operation(summary = "Set or clear a partner field value for this business",
            description = "Body {\"value\": \"...\"}; null clears it. The value is not echoed back. Shared fields may be set by anyone, partner-only "
                    + "and confidential fields only by the owning partner's staff. A field you may not see gives 404.")
    FieldValueSet setPartnerField(@PathVariable long id, @PathVariable long fieldId,
                                                      @RequestBody Map<String, Object> body,
                                                      @AuthenticationPrincipal CurrentUser user) {
        Set<String> unknown = new java.util.TreeSet<>(body.keySet());
        unknown.remove("value");
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(unknown.iterator().next(), "Field '" + String.join("', '", unknown)
                    + "' is unknown. Send only {\"value\": ...}.");
        }
        if (!body.containsKey("value")) {
            throw new InvalidInputException("value", "Value is missing. Send {\"value\": ...}, or null to clear it.");
        }
        Object value = body.get("value");
        boolean changed = partnerFields.setValue(id, fieldId, value == null ? null : value.toString(), user,
                "STAFF_ENTRY");
        return new FieldValueSet(id, fieldId, changed);
    }

    /** @param changed {@code false} when the value equals the known one, so nothing was recorded */
    record FieldValueSet(long businessId, long fieldId, boolean changed) {
    }
}
