package org.onedoor.referrals.web;

import org.onedoor.identity.CurrentUser;
import org.onedoor.referrals.QualityStandard;
import org.onedoor.referrals.internal.ReferralStandards;
import org.onedoor.shared.InvalidInputException;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Reads and sets the quality referral standard of a workforce area. */
@RestController
@Tag(name = "Referrals")
class StandardApiController {

    private final ReferralStandards standards;

    StandardApiController(ReferralStandards standards) {
        this.standards = standards;
    }

    /** Each member is true when referrals to the area's services must carry that element. */
    record StandardJson(Boolean need, Boolean contact, Boolean consent, Boolean namedReceiver, Boolean handOffNote,
                        Boolean firstContactDate) {

        static StandardJson of(QualityStandard standard) {
            return new StandardJson(standard.need(), standard.contact(), standard.consent(), standard.namedReceiver(),
                    standard.handOffNote(), standard.firstContactDate());
        }
    }

    @GetMapping("/api/v1/areas/{id}/referral-standard")
    @Operation(summary = "Get the quality referral standard of a workforce area",
            description = "An area that set none requires all six elements.")
    StandardJson standard(@PathVariable long id) {
        return StandardJson.of(standards.of(id));
    }

    @PutMapping(path = "/api/v1/areas/{id}/referral-standard", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Set the quality referral standard of a workforce area",
            description = "Installation administrators only. Give all six members as true or false.")
    StandardJson setStandard(@PathVariable long id, @RequestBody StandardJson body,
                             @AuthenticationPrincipal CurrentUser user) {
        java.util.List<InvalidInputException.FieldProblem> problems = new java.util.ArrayList<>();
        Boolean[] values = {body.need(), body.contact(), body.consent(), body.namedReceiver(), body.handOffNote(),
                body.firstContactDate()};
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                String element = QualityStandard.ELEMENTS.get(i);
                problems.add(new InvalidInputException.FieldProblem(element, "Member '" + element
                        + "' is missing. Give true when referrals must carry it, false otherwise."));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        QualityStandard standard = new QualityStandard(body.need(), body.contact(), body.consent(),
                body.namedReceiver(), body.handOffNote(), body.firstContactDate());
        return StandardJson.of(standards.set(id, standard, user));
    }
}
