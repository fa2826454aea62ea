package org.onedoor.businesses;

import java.util.Optional;

import org.onedoor.shared.PageRequest;
import org.onedoor.shared.ResultPage;

/**
 * Finds businesses by legal name, trade name, phone, address or FEIN, and reads one business's whole profile.
 */
public interface BusinessSearch {

    /**
     * Searches after folding both sides with {@code fold_text}, so case, accents and apostrophe style do not matter
     * and {@code &} equals "and". Phones compare by digits in any format, and a FEIN matches with or without its
     * dash. Exact and prefix matches come first, then matches inside a name or address, then similar names. A
     * blank query lists all businesses by legal name.
     */
    ResultPage<BusinessMatch> search(String query, PageRequest page);

    /** Returns the business with its trade names, establishments, source records and history. */
    Optional<BusinessProfile> findProfile(long businessId);
}
