package org.onedoor.demand.internal;

import java.time.DateTimeException;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Settings of the demand module.
 *
 * <p>{@code onedoor.demand.time-zone}: the IANA time zone in which report months begin and end and in which
 * "today" is judged for deferred offers. The default, America/Indiana/Indianapolis, is the zone of the demo area.
 */
@Component
public class DemandSettings {

    private final String timeZone;

    DemandSettings(@Value("${onedoor.demand.time-zone:America/Indiana/Indianapolis}") String timeZone) {
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new IllegalStateException("onedoor.demand.time-zone '" + timeZone + "' is not an IANA time zone. "
                    + "Set it to a zone such as America/Chicago.", e);
        }
        this.timeZone = timeZone;
    }

    public String timeZone() {
        return timeZone;
    }
}
