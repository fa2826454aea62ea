package org.onedoor.businesses;

import java.util.List;

/**
 * An existing business that a new or existing record may duplicate.
 *
 * @param id the existing business
 * @param address its first establishment's address on one line, or {@code null}
 * @param score how likely both are the same business, from 0 to 1
 * @param likelyDuplicate whether the score reaches {@link DuplicateCheck#LIKELY_DUPLICATE_SCORE}, so creating a
 *                        new business needs a confirmation that it is a different one
 * @param reasons the facts behind the score in plain words, strongest first, such as "Same phone +15742322277"
 */
public record DuplicateCandidate(long id, String legalName, String address, double score, boolean likelyDuplicate,
                                 List<String> reasons) {

    public DuplicateCandidate {
        reasons = List.copyOf(reasons);
    }
}
