package org.onedoor.businesses.web;

import java.net.URI;
import java.util.List;

import org.onedoor.businesses.DuplicateCandidate;
import org.onedoor.businesses.DuplicateCheck;
import org.onedoor.businesses.DuplicateCheck.Creation;
import org.onedoor.businesses.NewBusiness;
import org.onedoor.identity.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** JSON API that creates a business after the duplicate check, and lists the duplicates of a business. */
@RestController
@RequestMapping("/api/v1/businesses")
@Tag(name = "Business registration", description = "Create a business once its likely duplicates have been checked")
class BusinessCreationApiController {

    static final String SOURCE_NAME = "OneDoor API";

    private static final Logger log = LoggerFactory.getLogger(BusinessCreationApiController.class);

    private final DuplicateCheck duplicateCheck;

    BusinessCreationApiController(DuplicateCheck duplicateCheck) {
        this.duplicateCheck = duplicateCheck;
    }

    /** The request body: the business as entered, and whether the caller confirms it differs from its candidates. */
    record CreateBusinessRequest(String legalName, String tradeName, String fein, String naicsCode, String website,
                                 String phone, String streetAddress, String city, String state, String zipCode,
                                 Boolean confirmDifferentBusiness) {

        NewBusiness toNewBusiness() {
            return new NewBusiness(legalName, tradeName, fein, naicsCode, website, phone, streetAddress, city, state,
                    zipCode);
        }
    }

    /** The response body for a created business: its id and the candidates seen before creating it. */
    record CreatedBusiness(long id, List<DuplicateCandidate> candidates) {
    }

    @PostMapping
    @Operation(summary = "Create a business after checking for duplicates",
            description = "Returns 201 with Location when created. When an existing business is a likely duplicate "
                    + "(score of 0.5 or more) and confirmDifferentBusiness is not true, returns 409 problem details "
                    + "with a candidates list (id, legalName, address, score, reasons); send the request again with "
                    + "confirmDifferentBusiness true to create it anyway. Returns 400 naming each invalid field.")
    ResponseEntity<?> create(@AuthenticationPrincipal CurrentUser user, @RequestBody CreateBusinessRequest request) {
        Creation creation = duplicateCheck.create(request.toNewBusiness(),
                Boolean.TRUE.equals(request.confirmDifferentBusiness()), SOURCE_NAME, user.id(), user.partnerId());
        if (!creation.created()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                    "Business '" + request.legalName().strip() + "' may already be registered: "
                            + creation.candidates().stream().filter(DuplicateCandidate::likelyDuplicate).count()
                            + " likely duplicates. Use one of the candidates, or send the request again with "
                            + "confirmDifferentBusiness true if it is a different business.");
            problem.setTitle("Likely duplicate business");
            problem.setProperty("candidates", creation.candidates());
            log.info("API request by user {} found likely duplicates; best is business {}", user.id(),
                    creation.candidates().get(0).id());
            return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
        }
        return ResponseEntity.created(URI.create("/api/v1/businesses/" + creation.businessId()))
                .body(new CreatedBusiness(creation.businessId(), creation.candidates()));
    }

    @GetMapping("/{id}/duplicates")
    @Operation(summary = "List the existing businesses that may duplicate a business, best first, with reasons")
    List<DuplicateCandidate> duplicates(@PathVariable long id) {
        return duplicateCheck.findDuplicatesOf(id);
    }
}
