package org.onedoor.hsds.internal;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * HSDS ids of OneDoor records: the name-based UUID of {@code onedoor:<kind>:<key>}, so the same record always gets
 * the same id. The SQL function {@code hsds_uuid} computes the same value for lookups by id.
 */
public final class HsdsIds {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private HsdsIds() {
    }

    public static String of(String kind, Object key) {
        return UUID.nameUUIDFromBytes(("onedoor:" + kind + ":" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Returns the UUID in its canonical lower-case form, or empty when the text is not a UUID. */
    public static Optional<UUID> parse(String text) {
        String trimmed = text.strip();
        return UUID_TEXT.matcher(trimmed).matches() ? Optional.of(UUID.fromString(trimmed)) : Optional.empty();
    }
}
