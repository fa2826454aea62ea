package org.onedoor.publicdirectory.internal;

import java.util.List;

import org.onedoor.businesses.BusinessesMerged;
import org.onedoor.businesses.MergeParticipant;
import org.onedoor.businesses.MergedRows;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Moves the contact requests of a merged business to the survivor, in the merge's transaction. */
@Component
class ContactRequestMergeMoves implements MergeParticipant {

    private final JdbcClient jdbc;
    private final MergedRows mergedRows;

    ContactRequestMergeMoves(JdbcClient jdbc, MergedRows mergedRows) {
        this.jdbc = jdbc;
        this.mergedRows = mergedRows;
    }

    @EventListener
    void on(BusinessesMerged merge) {
        mergedRows.recorder(merge, "publicdirectory").move("contact_request", "t.business_id = :otherId");
    }

    @Override
    public List<Preview> preview(long survivorId, long otherId) {
        long requests = jdbc.sql("SELECT count(*) FROM contact_request WHERE business_id = :otherId")
                .param("otherId", otherId)
                .query(Long.class)
                .single();
        return List.of(new Preview("Requests to be contacted", requests, ""));
    }
}
