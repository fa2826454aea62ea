package org.onedoor.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class DecodedFileTest {

    @Test
    void detectsUtf8WithByteOrderMark() {
        DecodedFile file = DecodedFile.decode(Fixtures.bytes("imports/utf8-with-bom.csv"), EncodingChoice.DETECT);

        assertThat(file.encoding()).isEqualTo("UTF-8");
        assertThat(file.byteOrderMark()).isTrue();
        assertThat(file.text()).startsWith("Business Name,");
        assertThat(file.text()).contains("Café Zoë");
    }

    @Test
    void detectsUtf8WithoutByteOrderMark() {
        DecodedFile file = DecodedFile.decode(Fixtures.bytes("imports/utf8-without-bom.csv"), EncodingChoice.DETECT);

        assertThat(file.encoding()).isEqualTo("UTF-8");
        assertThat(file.byteOrderMark()).isFalse();
        assertThat(file.text()).contains("Frick’s DQ Grill & Chill");
    }

    @Test
    void detectsWindows1252CurlyApostrophe() {
        byte[] bytes = Fixtures.bytes("imports/windows-1252.csv");

        DecodedFile file = DecodedFile.decode(bytes, EncodingChoice.DETECT);

        assertThat(bytes).contains((byte) 0x92);
        assertThat(file.encoding()).isEqualTo("windows-1252");
        assertThat(file.text()).contains("Frick’s DQ Grill & Chill");
        assertThat(file.text()).contains("Café Zoë");
    }

    @Test
    void explicitChoiceOverridesDetection() {
        byte[] utf8 = "Business Name\nCafé\n".getBytes(StandardCharsets.UTF_8);

        DecodedFile file = DecodedFile.decode(utf8, EncodingChoice.WINDOWS_1252);

        assertThat(file.encoding()).isEqualTo("windows-1252");
        assertThat(file.text()).contains("CafÃ©");
    }

    @Test
    void explicitUtf8StillDropsByteOrderMark() {
        DecodedFile file = DecodedFile.decode(Fixtures.bytes("imports/utf8-with-bom.csv"), EncodingChoice.UTF_8);

        assertThat(file.text()).startsWith("Business Name,");
    }

    @Test
    void realFilesDetectedAsUtf8() {
        for (String name : new String[] {"south-bend-in.csv", "little-rock-ar.csv", "langley-bc.csv"}) {
            DecodedFile file = DecodedFile.decode(Fixtures.bytes("licence-lists/" + name), EncodingChoice.DETECT);

            assertThat(file.encoding()).as(name).isEqualTo("UTF-8");
        }
    }
}
