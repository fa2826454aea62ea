package org.onedoor.identity;

import java.time.Instant;

/** A staff account as listed to administrators, without its password hash. */
public record UserAccount(long id, String email, String displayName, Role role, Long partnerId, boolean enabled,
                          Instant createdAt, Instant lastSignInAt) {
}
