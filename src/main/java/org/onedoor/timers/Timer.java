package org.onedoor.timers;

import java.time.Instant;

/**
 * A due timer, as passed to its handler.
 *
 * @param attempts the failed runs before this one
 */
public record Timer(long id, String kind, String key, Instant dueAt, String payload, int attempts) {
}
