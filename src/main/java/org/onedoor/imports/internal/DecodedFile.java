package org.onedoor.imports.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of an uploaded file and the encoding it was read with.
 *
 * @param encoding the charset name used: {@code UTF-8} or {@code windows-1252}
 * @param byteOrderMark whether the file started with a UTF-8 byte-order mark, which is not part of the text
 */
public record DecodedFile(String text, String encoding, boolean byteOrderMark) {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /**
     * Decodes the bytes. Detection takes UTF-8 when the file starts with its byte-order mark or is valid UTF-8, and
     * Windows-1252 otherwise; UTF-8 is strict, so a Windows-1252 file with accents or curly quotes is never valid
     * UTF-8. An explicit choice is used as given, with invalid UTF-8 bytes replaced by U+FFFD.
     */
    public static DecodedFile decode(byte[] bytes, EncodingChoice choice) {
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;

        return switch (choice) {
            case UTF_8 -> utf8(bytes, bom);
            case WINDOWS_1252 -> new DecodedFile(new String(bytes, WINDOWS_1252), WINDOWS_1252.name(), false);
            case DETECT -> bom || isValidUtf8(bytes)
                    ? utf8(bytes, bom)
                    : new DecodedFile(new String(bytes, WINDOWS_1252), WINDOWS_1252.name(), false);
        };
    }

    private static DecodedFile utf8(byte[] bytes, boolean bom) {
        int offset = bom ? 3 : 0;
        return new DecodedFile(new String(bytes, offset, bytes.length - offset, StandardCharsets.UTF_8), "UTF-8", bom);
    }

    static boolean isValidUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException notUtf8) {
            return false;
        }
    }
}
