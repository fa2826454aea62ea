package org.onedoor.assessment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.onedoor.assessment.AssessmentCompleted;
import org.onedoor.assessment.AssessmentUpdated;
import org.onedoor.assessment.AssessmentSummary;
import org.onedoor.assessment.Assessments;
import org.onedoor.assessment.internal.Instrument.Question;
import org.onedoor.businesses.BusinessProfile;
import org.onedoor.businesses.BusinessProfileService;
import org.onedoor.businesses.BusinessProfileService.Editor;
import org.onedoor.identity.CurrentUser;
import org.onedoor.shared.ConflictException;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.InvalidInputException.FieldProblem;
import org.onedoor.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts, updates and reads the shared needs assessments. A business has at most one valid assessment: a new one
 * starts only when none exists, the current one expired, or a material change happened after it was completed.
 * Answers to questions mapped to a profile fact go into the profile, with the staff member and partner as their
 * provenance, and are never stored in the assessment.
 */
@Service
public class AssessmentService implements Assessments {

    /** Dates in messages, such as 5 December 2027; OneDoor stores instants in UTC. */
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.US)
            .withZone(ZoneOffset.UTC);

    private static final Logger log = LoggerFactory.getLogger(AssessmentService.class);
    static final int MAX_OVERRIDE_REASON_LENGTH = 4000;

    private static final String SUMMARY_SELECT = """
            SELECT a.id, a.business_id, a.area_id, a.instrument_id, i.version AS instrument_version, a.need_codes,
                   a.completed_at, a.completed_by, a.partner_id, a.valid_until, a.valid_until > now() AS valid,
                   a.updated_at, a.coordination_override_reason
            FROM needs_assessment a
            JOIN assessment_instrument i ON i.id = a.instrument_id
            """;

    private final JdbcClient jdbc;
    private final InstrumentStore instruments;
    private final InstrumentEditing editing;
    private final MaterialChanges materialChanges;
    private final BusinessProfileService profiles;
    private final ApplicationEventPublisher events;
    private final AssessmentCoordination coordination;

    AssessmentService(JdbcClient jdbc, InstrumentStore instruments, InstrumentEditing editing,
                      MaterialChanges materialChanges, BusinessProfileService profiles,
                      ApplicationEventPublisher events, AssessmentCoordination coordination) {
        this.coordination = coordination;
        this.jdbc = jdbc;
        this.instruments = instruments;
        this.editing = editing;
        this.materialChanges = materialChanges;
        this.profiles = profiles;
        this.events = events;
    }

    /** One update of an assessment: who made it, when, and what changed. */
    public record UpdateRecord(Instant updatedAt, String userName, String partnerName, List<String> oldNeedCodes,
                               List<String> newNeedCodes, List<AnswerChange> answers) {
    }

    /** @param oldValue the answer before, or {@code null}; {@code newValue} likewise */
    public record AnswerChange(String questionCode, String questionText, String oldValue, String newValue) {
    }

    /**
     * Returns the newest assessment of the business. An assessment that a merge set aside, because the survivor had
     * a valid one, counts only when the business has no other.
     */
    @Override
    public Optional<AssessmentSummary> current(long businessId) {
        return jdbc.sql(SUMMARY_SELECT + " WHERE a.business_id = :id"
                        + " ORDER BY a.set_aside_by_merge_id IS NOT NULL, a.completed_at DESC, a.id DESC LIMIT 1")
                .param("id", businessId)
                .query(AssessmentService::mapSummary)
                .optional();
    }

    /**
     * Lists the assessments that a business merge moved to this business and set aside, because this business had a
     * valid assessment then, newest first.
     */
    public List<AssessmentSummary> setAsideByMerge(long businessId) {
        return jdbc.sql(SUMMARY_SELECT + " WHERE a.business_id = :id AND a.set_aside_by_merge_id IS NOT NULL"
                        + " ORDER BY a.completed_at DESC, a.id DESC")
                .param("id", businessId)
                .query(AssessmentService::mapSummary)
                .list();
    }

    /** Decides whether a new assessment of the business may start now, with the reason. */
    public StartDecision decide(long businessId) {
        Optional<AssessmentSummary> found = current(businessId);
        if (found.isEmpty()) {
            return new StartDecision(StartReason.FIRST, "No needs assessment has been completed for this business "
                    + "yet, so you can start one.", null);
        }
        AssessmentSummary current = found.get();
        if (!current.valid()) {
            return new StartDecision(StartReason.EXPIRED, "The last needs assessment expired on "
                    + DATE.format(current.validUntil()) + ", so you can start a new one.", current);
        }
        Optional<MaterialChanges.Change> change = materialChanges.firstSince(businessId, current.completedAt());
        if (change.isPresent()) {
            return new StartDecision(change.get().reason(), materialChangeMessage(change.get()), current);
        }
        return new StartDecision(StartReason.VALID, "The needs assessment completed on "
                + DATE.format(current.completedAt()) + " is valid until " + DATE.format(current.validUntil())
                + ", and every partner accepts it. Update it instead of starting a new one. A new assessment is "
                + "allowed once it expires, or after a layoff notice, a merger or a new establishment.", current);
    }

    /** Returns the area whose instrument a new assessment by this user uses. */
    public long areaFor(CurrentUser user, Long requestedAreaId) {
        Long partnerArea = user.partnerId() == null ? null : jdbc.sql("SELECT area_id FROM partner WHERE id = :id")
                .param("id", user.partnerId())
                .query(Long.class)
                .single();
        if (requestedAreaId != null) {
            editing.areaName(requestedAreaId);
            if (partnerArea != null && !partnerArea.equals(requestedAreaId)) {
                throw new InvalidInputException("areaId", "Area " + requestedAreaId + " is not your partner's area. "
                        + "Leave areaId out to use your partner's area " + partnerArea + ".");
            }
            return requestedAreaId;
        }
        if (partnerArea != null) {
            return partnerArea;
        }
        List<Long> areas = jdbc.sql("SELECT id FROM workforce_area ORDER BY id LIMIT 2").query(Long.class).list();
        if (areas.size() != 1) {
            throw new InvalidInputException("areaId", "Area is missing. You belong to no partner, so give the id of "
                    + "the workforce area whose instrument to use as areaId.");
        }
        return areas.get(0);
    }

    /** Returns the instrument version a new assessment in the area uses. */
    public Instrument instrumentForNew(long areaId) {
        return instruments.published(areaId);
    }

    public Instrument instrument(long instrumentId) {
        return instruments.byId(instrumentId);
    }

    /**
     * Lists the active questions of a version with their answers: the profile's value for mapped questions that the
     * profile answers, else the assessment's stored answer when {@code assessmentId} is given.
     */
    public List<AnsweredQuestion> answers(long businessId, Instrument instrument, Long assessmentId) {
        BusinessProfile profile = profiles.read(businessId, null, null);
        Map<Long, String> stored = assessmentId == null ? Map.of() : storedAnswers(assessmentId);
        List<AnsweredQuestion> answered = new ArrayList<>();
        for (Question question : instrument.activeQuestions()) {
            answered.add(answered(question, profile, stored));
        }
        return answered;
    }

    /**
     * Completes a new assessment in the user's area with the given answers, keyed by question code.
     *
     * @param source the page or API the answers came through, kept as the source of profile values
     * @param overrideReason why the assessment goes ahead although other partners contacted the business within the
     *                       coordination window; stored only when the coordination check found such contacts
     * @throws AssessmentBlockedException while the current assessment is valid and nothing material changed
     * @throws AssessmentCoordinationException when the coordination check found contacts by other partners and no
     *                                         override reason was given
     * @throws InvalidInputException naming each invalid answer as {@code answers.code}
     */
    @Transactional
    public AssessmentSummary start(long businessId, Long requestedAreaId, Map<String, Object> answers,
                                   CurrentUser user, String source, String overrideReason) {
        lockBusiness(businessId);
        StartDecision decision = decide(businessId);
        if (!decision.allowed()) {
            throw new AssessmentBlockedException(decision.message(), decision.current());
        }
        String givenReason = overrideReason == null || overrideReason.isBlank() ? null : overrideReason.strip();
        if (givenReason != null && givenReason.length() > MAX_OVERRIDE_REASON_LENGTH) {
            throw new InvalidInputException("overrideReason", "Override reason is " + givenReason.length()
                    + " characters long. Shorten it to " + MAX_OVERRIDE_REASON_LENGTH + " characters or fewer.");
        }
        AssessmentCoordination.Result coordinated = coordination.check(businessId, user);
        if (coordinated.conflicts() && givenReason == null) {
            throw new AssessmentCoordinationException(AssessmentCoordination.conflictMessage(
                    profiles.read(businessId, null, null).legalName(), coordinated), coordinated);
        }
        // The reason is stored only when it overrode contacts by other partners, so stored reasons are real overrides.
        String storedReason = coordinated.conflicts() ? givenReason : null;
        long areaId = areaFor(user, requestedAreaId);
        Instrument instrument = instruments.published(areaId);

        Map<Long, String> unmapped = applyAnswers(businessId, instrument, answers, Map.of(), true, user, source);
        List<String> needs = needsOf(businessId, instrument, unmapped);
        int months = editing.validityMonths(areaId);
        long assessmentId = jdbc.sql("""
                        INSERT INTO needs_assessment (business_id, area_id, instrument_id, need_codes, completed_by,
                                                      partner_id, valid_until, start_reason,
                                                      coordination_override_reason)
                        VALUES (:businessId, :areaId, :instrumentId, :needs, :userId, :partnerId,
                                now() + make_interval(months => :months), :reason, :overrideReason)
                        RETURNING id""")
                .param("businessId", businessId)
                .param("areaId", areaId)
                .param("instrumentId", instrument.id())
                .param("needs", needs.toArray(String[]::new))
                .param("userId", user.id())
                .param("partnerId", user.partnerId())
                .param("months", months)
                .param("reason", decision.reason() == StartReason.FIRST ? null : decision.reason().name())
                .param("overrideReason", storedReason)
                .query(Long.class)
                .single();
        unmapped.forEach((questionId, value) -> insertAnswer(assessmentId, questionId, value));

        events.publishEvent(new AssessmentCompleted(businessId, assessmentId, needs, user.partnerId(), user.id()));
        log.info("User {} completed needs assessment {} of business {} with version {} of area {}'s instrument; "
                + "needs {}{}", user.id(), assessmentId, businessId, instrument.version(), areaId, needs,
                storedReason == null ? "" : ", overriding the coordination check");
        return current(businessId).orElseThrow();
    }

    /**
     * Changes answers of the current assessment, keyed by question code; an answer of {@code null} clears a stored
     * answer. The needs are raised again from all answers, and the update is recorded with each changed answer.
     * An update that changes nothing records nothing.
     *
     * @throws NotFoundException when the business has no assessment
     * @throws ConflictException when the current assessment expired
     */
    @Transactional
    public AssessmentSummary update(long businessId, Map<String, Object> answers, CurrentUser user, String source) {
        lockBusiness(businessId);
        AssessmentSummary current = current(businessId).orElseThrow(() -> new NotFoundException("Business "
                + businessId + " has no needs assessment. Start one first."));
        if (!current.valid()) {
            throw new ConflictException("The needs assessment of business " + businessId + " expired on "
                    + DATE.format(current.validUntil()) + ", so it can no longer be updated. Start a new one.");
        }
        Instrument instrument = instruments.byId(current.instrumentId());
        BusinessProfile before = profiles.read(businessId, null, null);
        Map<Long, String> oldStored = storedAnswers(current.id());
        Map<Long, String> oldAnswers = new HashMap<>();
        for (Question question : instrument.activeQuestions()) {
            oldAnswers.put(question.id(), answered(question, before, oldStored).answer());
        }

        Map<Long, String> newStored = applyAnswers(businessId, instrument, answers, oldStored, false, user, source);
        BusinessProfile after = profiles.read(businessId, null, null);
        List<AnswerChange> changes = new ArrayList<>();
        for (Question question : instrument.activeQuestions()) {
            String newAnswer = answered(question, after, newStored).answer();
            if (!java.util.Objects.equals(oldAnswers.get(question.id()), newAnswer)) {
                changes.add(new AnswerChange(question.code(), question.text(), oldAnswers.get(question.id()), newAnswer));
            }
        }
        List<String> needs = needsOf(businessId, instrument, newStored);
        if (changes.isEmpty() && needs.equals(current.needCodes())) {
            return current;
        }

        long updateId = jdbc.sql("""
                        INSERT INTO needs_assessment_update (assessment_id, updated_by, partner_id, old_need_codes,
                                                             new_need_codes)
                        VALUES (:id, :userId, :partnerId, :oldNeeds, :newNeeds) RETURNING id""")
                .param("id", current.id())
                .param("userId", user.id())
                .param("partnerId", user.partnerId())
                .param("oldNeeds", current.needCodes().toArray(String[]::new))
                .param("newNeeds", needs.toArray(String[]::new))
                .query(Long.class)
                .single();
        for (AnswerChange change : changes) {
            jdbc.sql("""
                            INSERT INTO needs_assessment_update_answer (update_id, question_id, old_value, new_value)
                            VALUES (:updateId, :questionId, :oldValue, :newValue)""")
                    .param("updateId", updateId)
                    .param("questionId", instrument.question(change.questionCode()).orElseThrow().id())
                    .param("oldValue", change.oldValue())
                    .param("newValue", change.newValue())
                    .update();
        }
        jdbc.sql("DELETE FROM needs_assessment_answer WHERE assessment_id = :id").param("id", current.id()).update();
        newStored.forEach((questionId, value) -> insertAnswer(current.id(), questionId, value));
        jdbc.sql("""
                        UPDATE needs_assessment SET need_codes = :needs, updated_at = now(), updated_by = :userId
                        WHERE id = :id""")
                .param("id", current.id())
                .param("needs", needs.toArray(String[]::new))
                .param("userId", user.id())
                .update();
        List<String> added = needs.stream().filter(code -> !current.needCodes().contains(code)).toList();
        events.publishEvent(new AssessmentUpdated(businessId, current.id(), needs, added, user.partnerId(),
                user.id()));
        log.info("User {} updated needs assessment {} of business {}: {} answers changed, needs {}", user.id(),
                current.id(), businessId, changes.size(), needs);
        return current(businessId).orElseThrow();
    }

    /** Lists the updates of an assessment, oldest first. */
    public List<UpdateRecord> updates(long assessmentId) {
        Map<Long, List<AnswerChange>> answers = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT ua.update_id, q.code, q.text, ua.old_value, ua.new_value
                        FROM needs_assessment_update_answer ua
                        JOIN needs_assessment_update u ON u.id = ua.update_id
                        JOIN assessment_question q ON q.id = ua.question_id
                        WHERE u.assessment_id = :id ORDER BY q.position, q.id""")
                .param("id", assessmentId)
                .query((ResultSet row) -> {
                    answers.computeIfAbsent(row.getLong("update_id"), id -> new ArrayList<>()).add(new AnswerChange(
                            row.getString("code"), row.getString("text"), row.getString("old_value"),
                            row.getString("new_value")));
                });
        return jdbc.sql("""
                        SELECT u.id, u.updated_at, usr.display_name, p.name AS partner_name, u.old_need_codes,
                               u.new_need_codes
                        FROM needs_assessment_update u
                        JOIN app_user usr ON usr.id = u.updated_by
                        LEFT JOIN partner p ON p.id = u.partner_id
                        WHERE u.assessment_id = :id ORDER BY u.updated_at, u.id""")
                .param("id", assessmentId)
                .query((row, rowNumber) -> new UpdateRecord(row.getTimestamp("updated_at").toInstant(),
                        row.getString("display_name"), row.getString("partner_name"),
                        InstrumentStore.texts(row.getArray("old_need_codes")),
                        InstrumentStore.texts(row.getArray("new_need_codes")),
                        answers.getOrDefault(row.getLong("id"), List.of())))
                .list();
    }

    /** Returns who completed an assessment, and for which partner, as one line such as "Ana Ruiz (Adult Education)". */
    public String completedByText(AssessmentSummary assessment) {
        return jdbc.sql("""
                        SELECT u.display_name || coalesce(' (' || p.name || ')', '') FROM app_user u
                        LEFT JOIN partner p ON p.id = :partnerId WHERE u.id = :userId""")
                .param("userId", assessment.completedBy())
                .param("partnerId", assessment.partnerId())
                .query(String.class)
                .single();
    }

    /**
     * Checks every answer, stores those of mapped questions in the profile in one change, and returns the answers
     * of unmapped questions to store: the old ones with the given ones applied.
     */
    private Map<Long, String> applyAnswers(long businessId, Instrument instrument, Map<String, Object> answers,
                                           Map<Long, String> oldStored, boolean starting, CurrentUser user,
                                           String source) {
        BusinessProfile profile = profiles.read(businessId, null, null);
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Object> patch = new LinkedHashMap<>();
        Map<String, String> patchFields = new HashMap<>();
        Map<Long, String> stored = new LinkedHashMap<>(oldStored);
        Map<String, Object> given = answers == null ? Map.of() : answers;

        for (Map.Entry<String, Object> entry : given.entrySet()) {
            String field = "answers." + entry.getKey();
            Optional<Question> found = instrument.question(entry.getKey()).filter(question -> !question.retired());
            if (found.isEmpty()) {
                problems.add(new FieldProblem(field, "Question '" + entry.getKey() + "' is not asked in version "
                        + instrument.version() + " of the instrument. Use the codes of its questions: "
                        + String.join(", ", instrument.activeQuestions().stream().map(Question::code).toList()) + "."));
                continue;
            }
            Question question = found.get();
            String answer = AnswerRules.canonical(question, entry.getValue(), field, problems);
            if (question.profileFact() == null) {
                if (answer == null) {
                    stored.remove(question.id());
                } else {
                    stored.put(question.id(), answer);
                }
                continue;
            }
            String known = knownAnswer(question, profile);
            if (known != null) {
                if (answer != null && !answer.equals(known)) {
                    problems.add(new FieldProblem(field, "'" + question.text() + "' is already answered in the "
                            + "business profile as '" + AnswerRules.display(question, known) + "', so it is not "
                            + "asked again. If that is wrong, correct " + question.profileFact().label()
                            + " in the profile."));
                }
                continue;
            }
            if (answer != null) {
                Map<String, Object> factPatch = question.profileFact().patch(answer);
                patch.putAll(factPatch);
                factPatch.keySet().forEach(key -> patchFields.put(key, field));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!patch.isEmpty()) {
            Editor editor = new Editor(user.id(), user.partnerId(), "STAFF_ENTRY", source);
            try {
                profiles.update(businessId, patch, editor);
            } catch (InvalidInputException e) {
                // The profile names its own keys, such as naicsCode; the caller sent question codes.
                throw new InvalidInputException(e.problems().stream()
                        .map(problem -> new FieldProblem(patchFields.getOrDefault(problem.field(), problem.field()),
                                problem.message()))
                        .toList());
            }
        }
        return stored;
    }

    private List<String> needsOf(long businessId, Instrument instrument, Map<Long, String> stored) {
        BusinessProfile profile = profiles.read(businessId, null, null);
        Set<String> needs = new LinkedHashSet<>();
        for (Question question : instrument.activeQuestions()) {
            needs.addAll(AnswerRules.needsOf(question, answered(question, profile, stored).answer()));
        }
        return AnswerRules.sorted(needs);
    }

    private static AnsweredQuestion answered(Question question, BusinessProfile profile, Map<Long, String> stored) {
        if (question.profileFact() != null) {
            String known = knownAnswer(question, profile);
            BusinessProfile.Fact provenance = known == null ? null
                    : question.profileFact().provenanceIn(profile).orElse(null);
            return new AnsweredQuestion(question, known, AnswerRules.display(question, known), known != null,
                    provenance);
        }
        String answer = stored.get(question.id());
        return new AnsweredQuestion(question, answer, AnswerRules.display(question, answer), false, null);
    }

    /** Returns the profile's value in the question's canonical form, or {@code null} when the profile lacks it. */
    private static String knownAnswer(Question question, BusinessProfile profile) {
        String value = question.profileFact().valueIn(profile);
        if (value == null) {
            return null;
        }
        List<FieldProblem> ignored = new ArrayList<>();
        String canonical = AnswerRules.canonical(question, value, "profile", ignored);
        // A profile value outside the question's options (an editor left one out) still counts as answered.
        return canonical == null ? value : canonical;
    }

    private Map<Long, String> storedAnswers(long assessmentId) {
        Map<Long, String> answers = new HashMap<>();
        jdbc.sql("SELECT question_id, value FROM needs_assessment_answer WHERE assessment_id = :id")
                .param("id", assessmentId)
                .query((ResultSet row) -> {
                    answers.put(row.getLong("question_id"), row.getString("value"));
                });
        return answers;
    }

    private void insertAnswer(long assessmentId, long questionId, String value) {
        jdbc.sql("""
                        INSERT INTO needs_assessment_answer (assessment_id, question_id, value)
                        VALUES (:assessmentId, :questionId, :value)""")
                .param("assessmentId", assessmentId)
                .param("questionId", questionId)
                .param("value", value)
                .update();
    }

    /** Locks the business row, so two staff members cannot both start an assessment of it at once. */
    private void lockBusiness(long businessId) {
        Long mergedInto = jdbc.sql("SELECT coalesce(merged_into_id, 0) FROM business WHERE id = :id FOR UPDATE")
                .param("id", businessId)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> NotFoundException.of("Business", businessId));
        if (mergedInto != 0) {
            throw new ConflictException("Business " + businessId + " was merged into business " + mergedInto
                    + ". Assess business " + mergedInto + " instead.");
        }
    }

    private static String materialChangeMessage(MaterialChanges.Change change) {
        String when = DATE.format(change.at());
        return switch (change.reason()) {
            case LAYOFF -> "A layoff or closure was announced on " + when + ", after the current assessment was "
                    + "completed, so you can start a new one.";
            case MERGER -> "'" + change.detail() + "' was merged into this business on " + when + ", after the "
                    + "current assessment was completed, so you can start a new one.";
            default -> "A new establishment (" + change.detail() + ") was added on " + when + ", after the current "
                    + "assessment was completed, so you can start a new one.";
        };
    }

    private static AssessmentSummary mapSummary(ResultSet row, int rowNumber) throws SQLException {
        long partnerId = row.getLong("partner_id");
        Long partner = row.wasNull() ? null : partnerId;
        Timestamp updated = row.getTimestamp("updated_at");
        return new AssessmentSummary(row.getLong("id"), row.getLong("business_id"), row.getLong("area_id"),
                row.getLong("instrument_id"), row.getInt("instrument_version"),
                InstrumentStore.texts(row.getArray("need_codes")), row.getTimestamp("completed_at").toInstant(),
                row.getLong("completed_by"), partner, row.getTimestamp("valid_until").toInstant(),
                row.getBoolean("valid"), updated == null ? null : updated.toInstant(),
                row.getString("coordination_override_reason"));
    }
}
