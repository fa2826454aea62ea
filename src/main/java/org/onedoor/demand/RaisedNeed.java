package org.onedoor.demand;

import java.util.List;

/**
 * A need after {@link Demand#raiseNeeds}: its services, best first, and why it is unmet when no service meets it.
 *
 * @param created false when the business already had this need open, so no second need was recorded
 * @param unmetReason {@code null} when a service meets the need
 */
public record RaisedNeed(long needId, String needCode, String needLabel, boolean created, List<ServiceMatch> services,
                         UnmetReason unmetReason) {

    public RaisedNeed {
        services = List.copyOf(services);
    }
}
