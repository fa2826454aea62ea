package org.onedoor.identity;

import java.time.Instant;

/**
 * A staff account as listed to administrators, without its password hash.
 *
 * @param officeId the office the person works from, in whose time zone they read times; {@code null} for none
 */
public record UserAccount(long id, String email, String displayName, Role role, Long partnerId, boolean enabled,
                          Instant createdAt, Instant lastSignInAt, Long officeId) {
}
