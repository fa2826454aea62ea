package org.onedoor.identity;

import java.time.Instant;

/** A partner API token as its partner's administrators see it: never the token itself, which is shown once, to the issuer only. */
public record PartnerToken(long id, long partnerId, String name, Instant createdAt, String createdBy,
                           Instant lastUsedAt, Instant revokedAt, String revokedBy) {

    public boolean active() {
        return revokedAt == null;
    }
}
