package org.onedoor.engagement;

import java.time.Instant;

/**
 * The business's choice whether its account manager arranges other partners' services for it, and how the
 * receiving partners contact it.
 */
public record Concierge(long businessId, boolean concierge, ContactRoute contactRoute, String updatedByName,
                        Instant updatedAt) {
}
