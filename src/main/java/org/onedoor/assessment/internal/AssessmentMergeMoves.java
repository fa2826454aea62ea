package org.onedoor.assessment.internal;

import java.util.List;

import org.onedoor.businesses.BusinessesMerged;
import org.onedoor.businesses.MergeParticipant;
import org.onedoor.businesses.MergedRows;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Moves a merged business's needs assessments to the survivor, in the merge's transaction. All of them stay as
 * records. When the survivor has a valid assessment, the moved ones are set aside, so the survivor's current
 * assessment stays current. Otherwise the newest assessment of both becomes current.
 */
@Component
class AssessmentMergeMoves implements MergeParticipant {

    private static final String SURVIVOR_HAS_VALID = "EXISTS (SELECT 1 FROM needs_assessment s "
            + "WHERE s.business_id = :survivorId AND s.valid_until > now() AND s.set_aside_by_merge_id IS NULL)";

    private final JdbcClient jdbc;
    private final MergedRows mergedRows;

    AssessmentMergeMoves(JdbcClient jdbc, MergedRows mergedRows) {
        this.jdbc = jdbc;
        this.mergedRows = mergedRows;
    }

    @EventListener
    void on(BusinessesMerged merge) {
        MergedRows.Recorder recorder = mergedRows.recorder(merge, "assessment");
        recorder.change("needs_assessment", "SET_ASIDE", "business_id = :survivorId, set_aside_by_merge_id = :mergeId",
                "t.business_id = :otherId AND " + SURVIVOR_HAS_VALID);
        recorder.move("needs_assessment", "t.business_id = :otherId");
    }

    @Override
    public List<Preview> preview(long survivorId, long otherId) {
        long moving = jdbc.sql("SELECT count(*) FROM needs_assessment t WHERE t.business_id = :otherId")
                .param("otherId", otherId)
                .query(Long.class)
                .single();
        boolean survivorValid = jdbc.sql("SELECT " + SURVIVOR_HAS_VALID)
                .param("survivorId", survivorId)
                .query(Boolean.class)
                .single();
        return List.of(new Preview("Needs assessments", moving, survivorValid
                ? "All move as records. The kept business has a valid assessment, so it stays current and the moved "
                + "ones show in the history only."
                : "All move as records. The newest one of both businesses becomes the current assessment."));
    }
}
