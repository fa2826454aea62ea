package org.onedoor.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** ZIP codes, phones, trade names and dates, one rule at a time. */
class ValueCleaningTest {

    @Test
    void zipKeepsLeadingZero() {
        assertThat(ZipCodes.clean("02134", "US").value()).isEqualTo("02134");
    }

    @Test
    void zipPlusFourNormalized() {
        assertThat(ZipCodes.clean("466011234", "US").value()).isEqualTo("46601-1234");
        assertThat(ZipCodes.clean("46601 1234", "US").value()).isEqualTo("46601-1234");
        assertThat(ZipCodes.clean("46601-1234", "US").value()).isEqualTo("46601-1234");
    }

    @Test
    void fourDigitZipFlaggedNotPadded() {
        ZipCodes.Result result = ZipCodes.clean("4660", "US");

        assertThat(result.value()).isNull();
        assertThat(result.problem()).contains("'4660'").contains("4 digits").contains("Enter a 5-digit ZIP code or ZIP+4");
    }

    @Test
    void junkZipFlagged() {
        assertThat(ZipCodes.clean("People - Zip", "US").problem()).contains("'People - Zip' is invalid");
        assertThat(ZipCodes.clean("465300", "US").problem()).contains("6 digits");
    }

    @Test
    void canadianPostalCodeKeptAsGiven() {
        ZipCodes.Result result = ZipCodes.clean("V2Y 0G9", "CA");

        assertThat(result.value()).isEqualTo("V2Y 0G9");
        assertThat(result.problem()).isNull();
    }

    @Test
    void phoneNormalizedToE164() {
        assertThat(PhoneNumbers.normalize("574-232-2277", "US").e164()).isEqualTo("+15742322277");
        assertThat(PhoneNumbers.normalize("(574) 232-2277", "US").e164()).isEqualTo("+15742322277");
        assertThat(PhoneNumbers.normalize("5742322277", "US").e164()).isEqualTo("+15742322277");
    }

    @Test
    void phoneExtensionKept() {
        PhoneNumbers.Result result = PhoneNumbers.normalize("604-534-5114 ext 123", "CA");

        assertThat(result.e164()).isEqualTo("+16045345114");
        assertThat(result.extension()).isEqualTo("123");
    }

    @Test
    void junkPhonesFlaggedNotGuessed() {
        for (String junk : new String[] {"NA", "People - Work Phone", "574-287-880", "9", "still to come"}) {
            PhoneNumbers.Result result = PhoneNumbers.normalize(junk, "US");

            assertThat(result.e164()).as(junk).isNull();
            assertThat(result.problem()).as(junk).contains("'" + junk + "'");
        }
    }

    @Test
    void dbaMarkersSplitTradeName() {
        assertSplit("J AND W RESTAURANT GROUP INC -DBA: CHINA MAX", "J AND W RESTAURANT GROUP INC", "CHINA MAX");
        assertSplit("MAC MECHANICAL CO DBA MCELDERRY PLUMBING", "MAC MECHANICAL CO", "MCELDERRY PLUMBING");
        assertSplit("JSS OIL INC. dba HOOSIER SPOT", "JSS OIL INC.", "HOOSIER SPOT");
        assertSplit("ACME LLC D/B/A ROADRUNNER FOODS", "ACME LLC", "ROADRUNNER FOODS");
        assertSplit("HOFFMAN SUPPLY (DBA) JOHNSTON SUPPLY", "HOFFMAN SUPPLY", "JOHNSTON SUPPLY");
        assertSplit("BAPTIST MEDCARE INC/DBA PRACTICE PLUS", "BAPTIST MEDCARE INC", "PRACTICE PLUS");
        assertSplit("NAVARRE CATERING - DBA PALAIS", "NAVARRE CATERING", "PALAIS");
    }

    @Test
    void nameWithoutMarkerUnchanged() {
        assertSplit("SOUNDBAR AUDIO VISUAL", "SOUNDBAR AUDIO VISUAL", null);
        assertSplit("DBAS HOLDINGS", "DBAS HOLDINGS", null);
        assertSplit("DBA CONSULTING", "DBA CONSULTING", null);
    }

    @Test
    void twoDigitYearsUseCenturyPivot() {
        assertThat(DateFormatChoice.M_D_YY.parse("1/1/87")).contains(LocalDate.of(1987, 1, 1));
        assertThat(DateFormatChoice.M_D_YY.parse("2/22/21")).contains(LocalDate.of(2021, 2, 22));
        assertThat(DateFormatChoice.M_D_YY.parse("12/31/49")).contains(LocalDate.of(2049, 12, 31));
        assertThat(DateFormatChoice.M_D_YY.parse("1/1/50")).contains(LocalDate.of(1950, 1, 1));
    }

    @Test
    void chosenFormatReadsDayAndMonth() {
        assertThat(DateFormatChoice.M_D_YYYY.parse("3/4/2021")).contains(LocalDate.of(2021, 3, 4));
        assertThat(DateFormatChoice.D_M_YYYY.parse("3/4/2021")).contains(LocalDate.of(2021, 4, 3));
        assertThat(DateFormatChoice.ISO.parse("2021-04-03")).contains(LocalDate.of(2021, 4, 3));
    }

    @Test
    void isoDateReadInEveryFormat() {
        assertThat(DateFormatChoice.M_D_YY.parse("2021-02-22")).contains(LocalDate.of(2021, 2, 22));
        assertThat(DateFormatChoice.D_M_YYYY.parse("2019/03/12 00:00:00+00")).contains(LocalDate.of(2019, 3, 12));
    }

    @Test
    void dateNotFittingFormatNotGuessed() {
        assertThat(DateFormatChoice.M_D_YY.parse("2/22/2021")).isEmpty();
        assertThat(DateFormatChoice.M_D_YYYY.parse("2/22/21")).isEmpty();
        assertThat(DateFormatChoice.M_D_YY.parse("13/45/21")).isEmpty();
        assertThat(DateFormatChoice.M_D_YY.parse("2/30/21")).isEmpty();
        assertThat(DateFormatChoice.ISO.parse("22.02.2021")).isEmpty();
    }

    private static void assertSplit(String name, String legal, String trade) {
        TradeNames.Split split = TradeNames.split(name);

        assertThat(split.legalName()).as(name).isEqualTo(legal);
        assertThat(split.tradeName()).as(name).isEqualTo(trade);
    }
}
