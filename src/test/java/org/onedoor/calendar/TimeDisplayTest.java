package org.onedoor.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class TimeDisplayTest {

    private static final ZoneId CENTRAL = ZoneId.of("America/Chicago");
    private static final ZoneId EASTERN = ZoneId.of("America/New_York");

    @Test
    void summerTimeAbbreviation() {
        assertThat(TimeDisplay.format(Instant.parse("2027-03-16T22:00:00Z"), CENTRAL))
                .isEqualTo("Tue, Mar 16, 2027, 5:00 PM CDT");
        assertThat(TimeDisplay.format(Instant.parse("2027-03-16T22:00:00Z"), EASTERN))
                .isEqualTo("Tue, Mar 16, 2027, 6:00 PM EDT");
    }

    @Test
    void standardTimeAbbreviation() {
        assertThat(TimeDisplay.format(Instant.parse("2027-11-09T23:00:00Z"), CENTRAL))
                .isEqualTo("Tue, Nov 9, 2027, 5:00 PM CST");
        assertThat(TimeDisplay.format(Instant.parse("2027-11-09T23:00:00Z"), EASTERN))
                .isEqualTo("Tue, Nov 9, 2027, 6:00 PM EST");
    }
}
