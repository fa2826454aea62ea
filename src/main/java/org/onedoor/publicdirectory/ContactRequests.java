package org.onedoor.publicdirectory;

import org.onedoor.identity.CurrentUser;

/** Reads the contact requests that businesses send from the public directory, for pages of other modules. */
public interface ContactRequests {

    /**
     * Counts the requests with status {@code NEW} in the reader's workforce area: the area of the reader's partner,
     * or every area for an administrator without a partner.
     */
    long countNew(CurrentUser reader);
}
