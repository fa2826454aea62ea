package org.onedoor.assessment.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.onedoor.assessment.AssessmentSummary;
import org.onedoor.assessment.internal.AnsweredQuestion;
import org.onedoor.assessment.internal.AssessmentBlockedException;
import org.onedoor.assessment.internal.AssessmentCoordination;
import org.onedoor.assessment.internal.AssessmentCoordinationException;
import org.onedoor.assessment.internal.AssessmentService;
import org.onedoor.assessment.internal.AssessmentService.UpdateRecord;
import org.onedoor.assessment.internal.StartDecision;
import org.onedoor.engagement.AccountManager;
import org.onedoor.engagement.ContactEntry;
import org.onedoor.identity.CurrentUser;
import org.onedoor.shared.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** JSON API for the shared needs assessment of a business. */
@RestController
@RequestMapping("/api/v1/businesses/{id}/assessments")
@Tag(name = "Needs assessment", description = "The one shared needs assessment of a business, valid for a period "
        + "the area sets, and its updates")
class AssessmentApiController {

    static final String API_SOURCE = "OneDoor API (needs assessment)";

    private final AssessmentService assessments;

    AssessmentApiController(AssessmentService assessments) {
        this.assessments = assessments;
    }

    /** Problem {@code code} of the 409 while a valid assessment exists. */
    static final String VALID_ASSESSMENT_EXISTS = "VALID_ASSESSMENT_EXISTS";
    /** Problem {@code code} of the 409 when other partners contacted the business within the coordination window. */
    static final String RECENT_CONTACTS = "RECENT_CONTACTS_BY_OTHER_PARTNERS";

    /**
     * @param areaId the area whose instrument to use; only for administrators without a partner
     * @param answers answers keyed by question code, such as {@code {"hard-to-fill": true}}
     * @param overrideReason why a new assessment goes ahead although other partners contacted the business within
     *                       the coordination window; ignored by updates
     */
    record AnswersRequest(Long areaId, Map<String, Object> answers, String overrideReason) {
    }

    /** A contact by another partner that the coordination check found, without partner-only notes. */
    record RecentContact(long id, String partnerName, String staffName, String kind, String purpose, String status,
                         java.time.Instant occurredAt, String timeZone) {

        static RecentContact of(ContactEntry contact) {
            return new RecentContact(contact.id(), contact.partnerName(), contact.staffName(), contact.kind().name(),
                    contact.purpose().name(), contact.status().name(), contact.occurredAt(), contact.timeZone());
        }
    }

    /**
     * An assessment with its questions and answers.
     *
     * @param newAssessmentAllowed whether a new assessment may start now, and {@code startReason} why
     */
    record AssessmentBody(AssessmentSummary assessment, List<AnswerBody> answers, boolean newAssessmentAllowed,
                          String startReason, String startMessage, List<UpdateRecord> updates) {
    }

    /**
     * @param fromProfile whether the answer is the business profile's value; such questions are not asked again
     * @param collectedBy who collected the profile's value, with the partner, or {@code null}
     */
    record AnswerBody(String code, String topic, String text, String answerType, String profileFact, String answer,
                      String answerText, boolean fromProfile, String collectedBy, java.time.Instant collectedAt) {

        static AnswerBody of(AnsweredQuestion answered) {
            var question = answered.question();
            var source = answered.provenance();
            String collectedBy = source == null ? null
                    : (source.userName() == null ? source.sourceKind() : source.userName())
                    + (source.partnerName() == null ? "" : " (" + source.partnerName() + ")");
            return new AnswerBody(question.code(), question.topic().name(), question.text(),
                    question.answerType().name(),
                    question.profileFact() == null ? null : question.profileFact().factName(), answered.answer(),
                    answered.answerText(), answered.fromProfile(), collectedBy,
                    source == null ? null : source.collectedAt());
        }
    }

    @PostMapping
    @Operation(summary = "Complete a new needs assessment of a business",
            description = "Answers are keyed by question code (see GET /api/v1/areas/{areaId}/assessment-instrument). "
                    + "Questions that the business profile already answers are not asked: leave them out, or give the "
                    + "same value. Answers to questions mapped to a profile fact go into the profile as a staff entry "
                    + "of your partner. Returns 201 with the assessment. Returns 409 with code "
                    + VALID_ASSESSMENT_EXISTS + " and the current assessment while it is valid and no layoff "
                    + "notice, merger or new establishment happened since it was completed. Returns 409 with code "
                    + RECENT_CONTACTS + " and the contacts when other partners contacted the business, or plan "
                    + "to, within the coordination window and overrideReason is missing; the reason is recorded "
                    + "with the assessment.")
    ResponseEntity<AssessmentBody> start(@PathVariable long id, @RequestBody(required = false) AnswersRequest request,
                                         @AuthenticationPrincipal CurrentUser user) {
        AnswersRequest body = request == null ? new AnswersRequest(null, Map.of(), null) : request;
        AssessmentSummary started = assessments.start(id, body.areaId(), body.answers(), user, API_SOURCE,
                body.overrideReason());
        return ResponseEntity.created(URI.create("/api/v1/businesses/" + id + "/assessments/current"))
                .body(body(id, started));
    }

    @GetMapping("/current")
    @Operation(summary = "Get the business's current needs assessment, valid or expired",
            description = "404 when the business has none.")
    AssessmentBody current(@PathVariable long id) {
        AssessmentSummary current = assessments.current(id).orElseThrow(() -> new NotFoundException("Business " + id
                + " has no needs assessment."));
        return body(id, current);
    }

    @PutMapping("/current")
    @Operation(summary = "Update answers of the current needs assessment",
            description = "Only the answers given change; null clears an answer. The needs are raised again, and the "
                    + "update is recorded with who made it, when and each changed answer. 409 when the assessment "
                    + "expired; 404 when there is none.")
    AssessmentBody update(@PathVariable long id, @RequestBody AnswersRequest request,
                          @AuthenticationPrincipal CurrentUser user) {
        return body(id, assessments.update(id, request.answers(), user, API_SOURCE));
    }

    /** Returns 409 with the current assessment, so the client can update it instead. */
    @ExceptionHandler(AssessmentBlockedException.class)
    ResponseEntity<ProblemDetail> blocked(AssessmentBlockedException exception) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, exception.getMessage());
        problem.setTitle("A valid needs assessment exists");
        problem.setProperty("code", VALID_ASSESSMENT_EXISTS);
        problem.setProperty("currentAssessment", exception.current());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    /** Returns 409 with the other partners' contacts, so the client can give a reason or ask the account manager. */
    @ExceptionHandler(AssessmentCoordinationException.class)
    ResponseEntity<ProblemDetail> recentContacts(AssessmentCoordinationException exception) {
        AssessmentCoordination.Result result = exception.result();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, exception.getMessage());
        problem.setTitle("Other partners contacted the business recently");
        problem.setProperty("code", RECENT_CONTACTS);
        problem.setProperty("windowDays", result.check().windowDays());
        problem.setProperty("recentContacts", result.otherPartnerContacts().stream().map(RecentContact::of).toList());
        problem.setProperty("accountManagerName",
                result.check().accountManager().map(AccountManager::displayName).orElse(null));
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    private AssessmentBody body(long businessId, AssessmentSummary assessment) {
        StartDecision decision = assessments.decide(businessId);
        List<AnswerBody> answers = assessments.answers(businessId, assessments.instrument(assessment.instrumentId()),
                assessment.id()).stream().map(AnswerBody::of).toList();
        return new AssessmentBody(assessment, answers, decision.allowed(), decision.reason().name(),
                decision.message(), assessments.updates(assessment.id()));
    }
}
