package org.onedoor.businesses;

import java.util.List;

/**
 * Finds existing businesses that a record may duplicate, ranked by score with the reasons for each, and creates a
 * business that a person enters only once its likely duplicates have been seen.
 */
public interface DuplicateCheck {

    /** Score from which a candidate counts as a likely duplicate. */
    double LIKELY_DUPLICATE_SCORE = 0.5;

    /** Score from which a candidate is listed at all. */
    double LISTED_SCORE = 0.15;

    /**
     * Returns the candidates for a business being entered, best first. Values that are invalid are left out of the
     * comparison rather than rejected, so the check can run while the form is being filled.
     */
    List<DuplicateCandidate> findCandidates(NewBusiness business);

    /**
     * Returns the candidates for an existing business, best first, without the business itself.
     *
     * @throws org.onedoor.shared.NotFoundException when no business has the id
     */
    List<DuplicateCandidate> findDuplicatesOf(long businessId);

    /**
     * Creates the business unless a likely duplicate exists and {@code confirmedDifferent} is false. The new business
     * gets a source record of kind {@code STAFF_ENTRY} with the user and partner, and its history.
     *
     * @param sourceName where the entry was made, such as "New business form"
     * @throws org.onedoor.shared.InvalidInputException naming each invalid field and the fix
     */
    Creation create(NewBusiness business, boolean confirmedDifferent, String sourceName, long userId, Long partnerId);

    /**
     * The outcome of {@link #create}.
     *
     * @param businessId the new business, or {@code null} when it was not created
     * @param candidates the candidates found before creating, best first
     */
    record Creation(Long businessId, List<DuplicateCandidate> candidates) {

        public Creation {
            candidates = List.copyOf(candidates);
        }

        public boolean created() {
            return businessId != null;
        }
    }
}
