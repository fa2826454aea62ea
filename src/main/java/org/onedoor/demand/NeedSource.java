package org.onedoor.demand;

/** Origin of a need. */
public enum NeedSource {
    /** A completed shared needs assessment; the source id is the assessment's id. */
    ASSESSMENT,
    /** A logged contact with the business; the source id is the contact log id. */
    CONTACT,
    /** Staff entered the need directly. */
    STAFF
}
