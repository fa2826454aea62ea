package org.onedoor.imports.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the crafted CSV files under {@code src/test/resources/imports} and the real licence lists. */
final class Fixtures {

    private Fixtures() {
    }

    static byte[] bytes(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("Test resource " + path + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CsvFile csv(String path) {
        return CsvFile.of(DecodedFile.decode(bytes(path), EncodingChoice.DETECT).text());
    }
}
