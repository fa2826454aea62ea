package org.onedoor.assessment.web;

import java.util.List;

import org.onedoor.assessment.internal.Instrument;
import org.onedoor.assessment.internal.InstrumentEditing;
import org.onedoor.assessment.internal.InstrumentStore;
import org.onedoor.assessment.internal.QuestionDraft;
import org.onedoor.identity.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** JSON API for an area's needs assessment instrument. */
@RestController
@RequestMapping("/api/v1/areas/{areaId}/assessment-instrument")
@Tag(name = "Needs assessment")
class InstrumentApiController {

    private final InstrumentStore store;
    private final InstrumentEditing editing;

    InstrumentApiController(InstrumentStore store, InstrumentEditing editing) {
        this.store = store;
        this.editing = editing;
    }

    /**
     * The current version of an area's instrument.
     *
     * @param standard whether the area uses the standard instrument because it has published none of its own
     * @param validityMonths how long a completed assessment stays valid in the area
     */
    record InstrumentBody(long areaId, long instrumentId, int version, boolean standard, int validityMonths,
                          List<QuestionDraft> questions) {
    }

    /**
     * A new version: every question in order, retired ones included.
     *
     * @param validityMonths a new validity period in months, or {@code null} to keep the current one
     */
    record InstrumentRequest(Integer validityMonths, List<QuestionDraft> questions) {
    }

    @GetMapping
    @Operation(summary = "Get the current version of an area's needs assessment instrument")
    InstrumentBody current(@PathVariable long areaId) {
        editing.areaName(areaId);
        return body(areaId, store.published(areaId));
    }

    @PutMapping
    @Operation(summary = "Publish a new version of an area's needs assessment instrument",
            description = "Administrators only. Each question has a code, topic (ABOUT_THE_BUSINESS, HIRING, "
                    + "SKILLS_AND_TRAINING, RETENTION, LAYOFFS_AND_RESTRUCTURING, ACCESSIBILITY_AND_INCLUSION, "
                    + "TAX_CREDITS_AND_INCENTIVES, EXPANSION_OR_RELOCATION), text, answerType (YES_NO, CHOICE, "
                    + "NUMBER, TEXT), multiple, an optional profileFact, retired, and for YES_NO and CHOICE options "
                    + "with value, label and needCodes. Completed assessments keep the version they used. 400 names "
                    + "each invalid field as questions[i].field; nothing is saved then.")
    @Transactional
    InstrumentBody publish(@PathVariable long areaId, @RequestBody InstrumentRequest request,
                           @AuthenticationPrincipal CurrentUser user) {
        if (request.validityMonths() != null) {
            editing.setValidityMonths(areaId, request.validityMonths(), user);
        }
        List<QuestionDraft> questions = request.questions() == null ? List.of() : request.questions();
        return body(areaId, editing.publish(areaId, questions, user));
    }

    private InstrumentBody body(long areaId, Instrument instrument) {
        return new InstrumentBody(areaId, instrument.id(), instrument.version(), instrument.areaId() == null,
                editing.validityMonths(areaId), instrument.questions().stream().map(QuestionDraft::of).toList());
    }
}
