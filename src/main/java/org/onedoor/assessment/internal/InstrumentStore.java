package org.onedoor.assessment.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.onedoor.assessment.internal.Instrument.Option;
import org.onedoor.assessment.internal.Instrument.Question;
import org.onedoor.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes instrument versions, drafts and their questions. */
@Repository
public class InstrumentStore {

    private static final String INSTRUMENT_SELECT = "SELECT id, area_id, version, published_at FROM assessment_instrument";

    private final JdbcClient jdbc;

    InstrumentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns the area's latest published version, or the standard instrument when the area has none of its own. */
    public Instrument published(long areaId) {
        return jdbc.sql(INSTRUMENT_SELECT + """
                         WHERE (area_id = :areaId OR area_id IS NULL) AND version IS NOT NULL
                        ORDER BY area_id NULLS LAST, version DESC LIMIT 1""")
                .param("areaId", areaId)
                .query(this::mapHeader)
                .optional()
                .map(this::withQuestions)
                .orElseThrow(() -> new NotFoundException("No needs assessment instrument exists for area " + areaId
                        + ", and the standard instrument is missing."));
    }

    public Optional<Instrument> draft(long areaId) {
        return jdbc.sql(INSTRUMENT_SELECT + " WHERE area_id = :areaId AND version IS NULL")
                .param("areaId", areaId)
                .query(this::mapHeader)
                .optional()
                .map(this::withQuestions);
    }

    public Instrument byId(long instrumentId) {
        return jdbc.sql(INSTRUMENT_SELECT + " WHERE id = :id")
                .param("id", instrumentId)
                .query(this::mapHeader)
                .optional()
                .map(this::withQuestions)
                .orElseThrow(() -> NotFoundException.of("Instrument", instrumentId));
    }

    /** Lists the area's own published versions, newest first, without their questions. */
    public List<Instrument> versions(long areaId) {
        return jdbc.sql(INSTRUMENT_SELECT + " WHERE area_id = :areaId AND version IS NOT NULL ORDER BY version DESC")
                .param("areaId", areaId)
                .query(this::mapHeader)
                .list();
    }

    /** Creates an empty instrument row: a draft when {@code version} is {@code null}, else a published version. */
    long insertInstrument(long areaId, Integer version, Long userId) {
        return jdbc.sql("""
                        INSERT INTO assessment_instrument (area_id, version, published_at, published_by)
                        VALUES (:areaId, :version, CASE WHEN :published THEN now() END, :userId)
                        RETURNING id""")
                .param("areaId", areaId)
                .param("version", version)
                .param("published", version != null)
                .param("userId", version == null ? null : userId)
                .query(Long.class)
                .single();
    }

    /** Returns the next version number of the area, counting on from the standard instrument's versions. */
    int nextVersion(long areaId) {
        return jdbc.sql("""
                        SELECT coalesce(max(version), 0) + 1 FROM assessment_instrument
                        WHERE (area_id = :areaId OR area_id IS NULL) AND version IS NOT NULL""")
                .param("areaId", areaId)
                .query(Integer.class)
                .single();
    }

    void publishDraft(long draftId, int version, long userId) {
        jdbc.sql("""
                        UPDATE assessment_instrument SET version = :version, published_at = now(), published_by = :userId
                        WHERE id = :id AND version IS NULL""")
                .param("id", draftId)
                .param("version", version)
                .param("userId", userId)
                .update();
    }

    void deleteDraft(long draftId) {
        jdbc.sql("DELETE FROM assessment_instrument WHERE id = :id AND version IS NULL").param("id", draftId).update();
    }

    void insertQuestion(long instrumentId, int position, QuestionDraft question) {
        long questionId = jdbc.sql("""
                        INSERT INTO assessment_question (instrument_id, position, code, topic, text, answer_type,
                                                         multiple, profile_fact, retired)
                        VALUES (:instrumentId, :position, :code, :topic, :text, :answerType, :multiple, :profileFact,
                                :retired)
                        RETURNING id""")
                .param("instrumentId", instrumentId)
                .param("position", position)
                .param("code", question.code())
                .param("topic", question.topic())
                .param("text", question.text())
                .param("answerType", question.answerType())
                .param("multiple", question.multiple())
                .param("profileFact", question.profileFact())
                .param("retired", question.retired())
                .query(Long.class)
                .single();
        insertOptions(questionId, question.options());
    }

    void updateQuestion(long questionId, QuestionDraft question) {
        jdbc.sql("""
                        UPDATE assessment_question SET code = :code, topic = :topic, text = :text,
                               answer_type = :answerType, multiple = :multiple, profile_fact = :profileFact,
                               retired = :retired
                        WHERE id = :id""")
                .param("id", questionId)
                .param("code", question.code())
                .param("topic", question.topic())
                .param("text", question.text())
                .param("answerType", question.answerType())
                .param("multiple", question.multiple())
                .param("profileFact", question.profileFact())
                .param("retired", question.retired())
                .update();
        jdbc.sql("DELETE FROM assessment_option WHERE question_id = :id").param("id", questionId).update();
        insertOptions(questionId, question.options());
    }

    void setPosition(long questionId, int position) {
        jdbc.sql("UPDATE assessment_question SET position = :position WHERE id = :id")
                .param("id", questionId)
                .param("position", position)
                .update();
    }

    void setRetired(long questionId, boolean retired) {
        jdbc.sql("UPDATE assessment_question SET retired = :retired WHERE id = :id")
                .param("id", questionId)
                .param("retired", retired)
                .update();
    }

    /** Takes a transaction-scoped lock on the area's instrument, so two editors change it one after the other. */
    void lockArea(long areaId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('assessment-instrument', :areaId))")
                .param("areaId", areaId)
                .query(Object.class)
                .single();
    }

    private void insertOptions(long questionId, List<QuestionDraft.OptionDraft> options) {
        for (int i = 0; i < options.size(); i++) {
            QuestionDraft.OptionDraft option = options.get(i);
            jdbc.sql("""
                            INSERT INTO assessment_option (question_id, position, value, label, need_codes)
                            VALUES (:questionId, :position, :value, :label, :needCodes)""")
                    .param("questionId", questionId)
                    .param("position", i)
                    .param("value", option.value())
                    .param("label", option.label())
                    .param("needCodes", option.needCodes().toArray(String[]::new))
                    .update();
        }
    }

    private Instrument mapHeader(ResultSet row, int rowNumber) throws SQLException {
        long areaId = row.getLong("area_id");
        Long area = row.wasNull() ? null : areaId;
        int version = row.getInt("version");
        Integer number = row.wasNull() ? null : version;
        java.sql.Timestamp published = row.getTimestamp("published_at");
        return new Instrument(row.getLong("id"), area, number, published == null ? null : published.toInstant(),
                List.of());
    }

    private Instrument withQuestions(Instrument header) {
        Map<Long, List<Option>> options = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT o.question_id, o.value, o.label, o.need_codes FROM assessment_option o
                        JOIN assessment_question q ON q.id = o.question_id
                        WHERE q.instrument_id = :id ORDER BY o.question_id, o.position""")
                .param("id", header.id())
                .query((ResultSet row) -> {
                    options.computeIfAbsent(row.getLong("question_id"), id -> new ArrayList<>())
                            .add(new Option(row.getString("value"), row.getString("label"), texts(row.getArray("need_codes"))));
                });
        List<Question> questions = jdbc.sql("""
                        SELECT id, position, code, topic, text, answer_type, multiple, profile_fact, retired
                        FROM assessment_question WHERE instrument_id = :id ORDER BY position, id""")
                .param("id", header.id())
                .query((row, rowNumber) -> new Question(row.getLong("id"), row.getInt("position"),
                        row.getString("code"), Topic.valueOf(row.getString("topic")), row.getString("text"),
                        AnswerType.valueOf(row.getString("answer_type")), row.getBoolean("multiple"),
                        ProfileFact.ofName(row.getString("profile_fact")).orElse(null), row.getBoolean("retired"),
                        List.copyOf(options.getOrDefault(row.getLong("id"), List.of()))))
                .list();
        return new Instrument(header.id(), header.areaId(), header.version(), header.publishedAt(), questions);
    }

    static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : List.copyOf(Arrays.asList((String[]) array.getArray()));
    }
}
