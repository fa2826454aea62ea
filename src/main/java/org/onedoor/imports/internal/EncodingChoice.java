package org.onedoor.imports.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The choice of encoding for the bytes of an uploaded file. */
public enum EncodingChoice {

    DETECT("detect", "Detect (byte-order mark, then UTF-8, else Windows-1252)"),
    UTF_8("UTF-8", "UTF-8"),
    WINDOWS_1252("windows-1252", "Windows-1252 (Excel on Windows)");

    private final String code;
    private final String label;

    EncodingChoice(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<EncodingChoice> ofCode(String code) {
        if (code == null || code.isBlank()) {
            return Optional.of(DETECT);
        }
        String wanted = code.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values())
                .filter(choice -> choice.code.toLowerCase(Locale.ROOT).equals(wanted)
                        || choice.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(wanted)
                        || (choice == WINDOWS_1252 && wanted.equals("cp1252")))
                .findFirst();
    }
}
