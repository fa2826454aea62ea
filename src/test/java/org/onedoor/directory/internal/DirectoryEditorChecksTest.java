package org.onedoor.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.onedoor.shared.InvalidInputException;

/** The field checks of {@link DirectoryEditor} that need no database. */
class DirectoryEditorChecksTest {

    @Test
    void acceptsFiveDigitZipAndZipPlusFour() {
        FieldChecks checks = new FieldChecks();

        assertThat(DirectoryEditor.checkZip(checks, " 46601 ")).isEqualTo("46601");
        assertThat(DirectoryEditor.checkZip(checks, "46601-1234")).isEqualTo("46601-1234");
        checks.throwIfAny();
    }

    @Test
    void rejectsFourDigitZipNamingTheDigitCount() {
        assertThat(messageFor(checks -> DirectoryEditor.checkZip(checks, "4660")))
                .isEqualTo("ZIP code '4660' is invalid: it has 4 digits. Enter a 5-digit ZIP code or ZIP+4.");
    }

    @Test
    void rejectsZipPlusFourWithoutHyphen() {
        assertThat(messageFor(checks -> DirectoryEditor.checkZip(checks, "466011234")))
                .isEqualTo("ZIP code '466011234' is invalid: ZIP+4 needs a hyphen. Enter it as 46601-1234.");
    }

    @Test
    void rejectsUnknownZone() {
        assertThat(messageFor(checks -> DirectoryEditor.checkTimeZone(checks, "Mars/Olympus")))
                .startsWith("Time zone 'Mars/Olympus' is not an IANA time zone name.");
    }

    @Test
    void rejectsFixedOffsetZone() {
        assertThat(messageFor(checks -> DirectoryEditor.checkTimeZone(checks, "+05:00")))
                .startsWith("Time zone '+05:00' is not an IANA time zone name.");
    }

    @Test
    void acceptsIndianaZone() {
        FieldChecks checks = new FieldChecks();

        assertThat(DirectoryEditor.checkTimeZone(checks, "America/Indiana/Indianapolis"))
                .isEqualTo("America/Indiana/Indianapolis");
        checks.throwIfAny();
    }

    @Test
    void rejectsImpossiblePhone() {
        assertThat(messageFor(checks -> DirectoryEditor.checkPhone(checks, "phone", "12")))
                .startsWith("Phone '12' is invalid");
    }

    private static String messageFor(Consumer<FieldChecks> check) {
        FieldChecks checks = new FieldChecks();
        check.accept(checks);
        try {
            checks.throwIfAny();
        } catch (InvalidInputException e) {
            return e.problems().get(0).message();
        }
        throw new AssertionError("The check accepted the value");
    }
}
