package org.onedoor.assessment.internal;

import java.util.ArrayList;
import java.util.List;

import org.onedoor.assessment.internal.Instrument.Question;
import org.onedoor.identity.CurrentUser;
import org.onedoor.shared.ConflictException;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.InvalidInputException.FieldProblem;
import org.onedoor.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Edits an area's instrument. The page edits a draft, a copy of the current version, one question at a time and
 * then publishes it as the next version. The API publishes a whole new version in one request. Published versions
 * never change, so completed assessments keep the questions they were asked.
 *
 * <p>NOTE: OneDoor has no area administrator role yet, so only administrators may edit an area's instrument and
 * settings.
 */
@Service
public class InstrumentEditing {

    public static final int DEFAULT_VALIDITY_MONTHS = 12;
    public static final int MAX_VALIDITY_MONTHS = 60;

    private static final Logger log = LoggerFactory.getLogger(InstrumentEditing.class);

    private final InstrumentStore store;
    private final JdbcClient jdbc;

    InstrumentEditing(InstrumentStore store, JdbcClient jdbc) {
        this.store = store;
        this.jdbc = jdbc;
    }

    /** @throws NotFoundException for an unknown area */
    public String areaName(long areaId) {
        return jdbc.sql("SELECT name FROM workforce_area WHERE id = :id")
                .param("id", areaId)
                .query(String.class)
                .optional()
                .orElseThrow(() -> NotFoundException.of("Workforce area", areaId));
    }

    /** Returns how many months a completed assessment stays valid in the area. */
    public int validityMonths(long areaId) {
        return jdbc.sql("SELECT validity_months FROM assessment_area_setting WHERE area_id = :id")
                .param("id", areaId)
                .query(Integer.class)
                .optional()
                .orElse(DEFAULT_VALIDITY_MONTHS);
    }

    /**
     * Sets how many months a completed assessment stays valid; assessments already completed keep their date.
     *
     * @throws InvalidInputException for a period outside 1 to 60 months
     */
    @Transactional
    public void setValidityMonths(long areaId, Integer months, CurrentUser user) {
        requireEditor(areaId, user);
        if (months == null) {
            throw new InvalidInputException("validityMonths", "Validity is missing. Enter a whole number of months "
                    + "from 1 to " + MAX_VALIDITY_MONTHS + ", such as 12.");
        }
        if (months < 1 || months > MAX_VALIDITY_MONTHS) {
            throw new InvalidInputException("validityMonths", "Validity of " + months + " months is invalid. Enter a "
                    + "whole number of months from 1 to " + MAX_VALIDITY_MONTHS + ", such as 12.");
        }
        jdbc.sql("""
                        INSERT INTO assessment_area_setting (area_id, validity_months, updated_by)
                        VALUES (:areaId, :months, :userId)
                        ON CONFLICT (area_id) DO UPDATE SET validity_months = excluded.validity_months,
                            updated_at = now(), updated_by = excluded.updated_by""")
                .param("areaId", areaId)
                .param("months", months)
                .param("userId", user.id())
                .update();
        log.info("User {} set the needs assessment validity of area {} to {} months", user.id(), areaId, months);
    }

    /** Returns the area's draft, creating it as a copy of the current version when there is none. */
    @Transactional
    public Instrument openDraft(long areaId, CurrentUser user) {
        requireEditor(areaId, user);
        store.lockArea(areaId);
        return store.draft(areaId).orElseGet(() -> {
            Instrument current = store.published(areaId);
            long draftId = store.insertInstrument(areaId, null, null);
            for (Question question : current.questions()) {
                store.insertQuestion(draftId, question.position(), QuestionDraft.of(question));
            }
            return store.byId(draftId);
        });
    }

    /**
     * Adds a question at the end of the draft, or changes one of its questions.
     *
     * @param questionId the draft question to change, or {@code null} to add one
     * @throws InvalidInputException naming each invalid field
     */
    @Transactional
    public void saveQuestion(long areaId, Long questionId, QuestionDraft draft, CurrentUser user) {
        Instrument instrument = openDraft(areaId, user);
        List<FieldProblem> problems = new ArrayList<>();
        QuestionDraft checked = QuestionRules.check(draft, "", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<QuestionDraft> all = new ArrayList<>();
        for (Question question : instrument.questions()) {
            all.add(questionId != null && question.id() == questionId ? checked : QuestionDraft.of(question));
        }
        if (questionId == null) {
            all.add(checked);
        } else if (instrument.question(questionId).isEmpty()) {
            throw NotFoundException.of("Draft question", questionId);
        }
        QuestionRules.checkUnique(all, "", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }

        if (questionId == null) {
            int position = instrument.questions().stream().mapToInt(Question::position).max().orElse(-1) + 1;
            store.insertQuestion(instrument.id(), position, checked);
        } else {
            store.updateQuestion(questionId, checked);
        }
    }

    /** Moves a draft question one place up ({@code -1}) or down ({@code 1}); at either end it stays. */
    @Transactional
    public void move(long areaId, long questionId, int direction, CurrentUser user) {
        Instrument instrument = openDraft(areaId, user);
        List<Question> questions = new ArrayList<>(instrument.questions());
        int index = indexOf(questions, questionId);
        int target = index + Integer.signum(direction);
        if (target < 0 || target >= questions.size()) {
            return;
        }
        questions.add(target, questions.remove(index));
        for (int i = 0; i < questions.size(); i++) {
            store.setPosition(questions.get(i).id(), i);
        }
    }

    /** Retires a draft question so it is no longer asked, or brings it back. */
    @Transactional
    public void setRetired(long areaId, long questionId, boolean retired, CurrentUser user) {
        Instrument instrument = openDraft(areaId, user);
        indexOf(instrument.questions(), questionId);
        store.setRetired(questionId, retired);
    }

    /** Drops the draft, leaving the published versions as they are. */
    @Transactional
    public void discardDraft(long areaId, CurrentUser user) {
        requireEditor(areaId, user);
        store.lockArea(areaId);
        store.draft(areaId).ifPresent(draft -> store.deleteDraft(draft.id()));
    }

    /**
     * Publishes the draft as the area's next version.
     *
     * @throws ConflictException when there is no draft
     * @throws InvalidInputException when every question of the draft is retired
     */
    @Transactional
    public Instrument publishDraft(long areaId, CurrentUser user) {
        requireEditor(areaId, user);
        store.lockArea(areaId);
        Instrument draft = store.draft(areaId).orElseThrow(() -> new ConflictException("Area " + areaId
                + " has no draft to publish. Change a question first."));
        requireActiveQuestion(draft.questions().stream().map(QuestionDraft::of).toList());

        int version = store.nextVersion(areaId);
        store.publishDraft(draft.id(), version, user.id());
        log.info("User {} published version {} of the needs assessment instrument of area {}", user.id(), version,
                areaId);
        return store.byId(draft.id());
    }

    /**
     * Publishes the given questions, in order, as the area's next version. The draft, if any, stays as it is.
     *
     * @throws InvalidInputException naming each invalid field as {@code questions[i].field}
     */
    @Transactional
    public Instrument publish(long areaId, List<QuestionDraft> questions, CurrentUser user) {
        requireEditor(areaId, user);
        List<FieldProblem> problems = new ArrayList<>();
        List<QuestionDraft> checked = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            checked.add(QuestionRules.check(questions.get(i), "questions[" + i + "].", problems));
        }
        if (problems.isEmpty()) {
            QuestionRules.checkUnique(checked, "questions", problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        requireActiveQuestion(checked);

        store.lockArea(areaId);
        int version = store.nextVersion(areaId);
        long instrumentId = store.insertInstrument(areaId, version, user.id());
        for (int i = 0; i < checked.size(); i++) {
            store.insertQuestion(instrumentId, i, checked.get(i));
        }
        log.info("User {} published version {} of the needs assessment instrument of area {} through the API",
                user.id(), version, areaId);
        return store.byId(instrumentId);
    }

    private static void requireActiveQuestion(List<QuestionDraft> questions) {
        if (questions.stream().allMatch(QuestionDraft::retired)) {
            throw new InvalidInputException("questions", "The instrument has no question that is asked. Add a "
                    + "question, or bring back a retired one, before publishing.");
        }
    }

    private static int indexOf(List<Question> questions, long questionId) {
        for (int i = 0; i < questions.size(); i++) {
            if (questions.get(i).id() == questionId) {
                return i;
            }
        }
        throw NotFoundException.of("Draft question", questionId);
    }

    private void requireEditor(long areaId, CurrentUser user) {
        areaName(areaId);
        if (user == null || !user.isAdministrator()) {
            throw new AccessDeniedException("Only an administrator may edit the needs assessment instrument of area "
                    + areaId + ".");
        }
    }
}
