package org.onedoor.calendar;

import java.time.LocalDate;

/**
 * A day on which an area's offices are closed, or a federal holiday the area has made a business day.
 *
 * @param date the date offices close, which for a federal holiday is the observed date
 */
public record Holiday(LocalDate date, String name, Source source) {

    public enum Source {
        /** A US federal holiday that the area keeps. */
        FEDERAL,
        /** A holiday the area added. */
        LOCAL,
        /** A US federal holiday that the area made a business day. */
        REMOVED
    }

    /** Returns true when offices are closed on this date. */
    public boolean closed() {
        return source != Source.REMOVED;
    }
}
