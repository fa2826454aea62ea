package org.onedoor.businesses;

import java.util.List;

/**
 * A module whose rows a business merge moves. The merge page lists what every participant would move, so staff see
 * it before they merge. The move itself happens in the module's listener for {@link BusinessesMerged}.
 */
public interface MergeParticipant {

    /** Lists what a merge of {@code otherId} into {@code survivorId} would move or change in this module. */
    List<Preview> preview(long survivorId, long otherId);

    /**
     * One kind of row in the preview.
     *
     * @param label plural name of the rows, such as "Referrals"
     * @param count the number of the other business's rows that move
     * @param rule  what happens to the rows that would collide with the survivor's, or an empty string
     */
    record Preview(String label, long count, String rule) {
    }
}
