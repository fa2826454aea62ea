package org.onedoor.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.onedoor.businesses.IncomingBusiness;

class RowCleanerTest {

    @Test
    void tradeNameSplitFromNameField() {
        IncomingBusiness business = clean("imports/messy-values.csv", DateFormatChoice.M_D_YY, "US").get(0).business();

        assertThat(business.legalName()).isEqualTo("J AND W RESTAURANT GROUP INC");
        assertThat(business.tradeNames()).containsExactly("CHINA MAX");
    }

    @Test
    void zipPlusFourAndLeadingZeroKept() {
        List<CleanedRow> rows = clean("imports/messy-values.csv", DateFormatChoice.M_D_YY, "US");

        assertThat(rows.get(0).business().address().postalCode()).isEqualTo("46601-1234");
        assertThat(rows.get(1).business().address().postalCode()).isEqualTo("46601-1234");
        assertThat(rows.get(2).business().address().postalCode()).isEqualTo("02134");
    }

    @Test
    void fourDigitZipWarnedAndLeftOut() {
        CleanedRow row = clean("imports/messy-values.csv", DateFormatChoice.M_D_YY, "US").get(3);

        assertThat(row.business().address().postalCode()).isNull();
        assertThat(row.warnings()).anySatisfy(warning -> {
            assertThat(warning.column()).isEqualTo("Zip Code");
            assertThat(warning.value()).isEqualTo("2134");
            assertThat(warning.reason()).contains("4 digits");
        });
    }

    @Test
    void twoDigitYearDatesBecomeIso() {
        List<CleanedRow> rows = clean("imports/messy-values.csv", DateFormatChoice.M_D_YY, "US");

        assertThat(rows.get(0).business().facts()).containsEntry("start_date", "1987-01-01");
        assertThat(rows.get(1).business().facts()).containsEntry("start_date", "2021-02-22");
        assertThat(rows.get(5).business().facts()).containsEntry("start_date", "2021-03-04");
    }

    @Test
    void dateNotFittingFormatWarned() {
        List<CleanedRow> rows = clean("imports/messy-values.csv", DateFormatChoice.M_D_YY, "US");

        assertThat(rows.get(2).business().facts()).doesNotContainKey("start_date");
        assertThat(rows.get(2).warnings()).anySatisfy(warning -> {
            assertThat(warning.value()).isEqualTo("13/45/21");
            assertThat(warning.reason()).contains("M/D/YY");
        });
        assertThat(rows.get(3).warnings()).anySatisfy(warning -> assertThat(warning.value()).isEqualTo("2/30/21"));
    }

    @Test
    void junkPhonesKeptAsEnteredAndFlagged() {
        List<CleanedRow> rows = clean("imports/messy-values.csv", DateFormatChoice.M_D_YY, "US");

        assertThat(rows.get(0).business().phoneE164()).isEqualTo("+15015550101");
        assertThat(rows.get(1).business().phone()).isEqualTo("NA");
        assertThat(rows.get(1).business().phoneE164()).isNull();
        assertThat(rows.get(1).warnings()).anySatisfy(warning -> assertThat(warning.column()).isEqualTo("Phone No."));
        assertThat(rows.get(2).business().phone()).isEqualTo("People - Work Phone");
        assertThat(rows.get(3).business().phone()).isEqualTo("574-287-880");
        assertThat(rows.get(3).business().phoneE164()).isNull();
        assertThat(rows.get(5).business().phoneExtension()).isEqualTo("42");
    }

    @Test
    void emptyNameRejectedWithLineAndColumn() {
        CleanedRow row = clean("imports/messy-values.csv", DateFormatChoice.M_D_YY, "US").get(4);

        assertThat(row.isRejected()).isTrue();
        assertThat(row.business()).isNull();
        assertThat(row.rejection().lineNumber()).isEqualTo(6);
        assertThat(row.rejection().column()).isEqualTo("Business Name");
        assertThat(row.rejection().reason()).contains("legal name is empty");
    }

    @Test
    void invalidStateWarnedAndLeftOut() {
        CleanedRow row = clean("imports/messy-values.csv", DateFormatChoice.M_D_YY, "US").get(5);

        assertThat(row.business().address().state()).isNull();
        assertThat(row.warnings()).anySatisfy(warning -> assertThat(warning.value()).isEqualTo("People - State"));
    }

    @Test
    void everyRowKeepsRawValues() {
        CleanedRow row = clean("imports/messy-values.csv", DateFormatChoice.M_D_YY, "US").get(2);

        assertThat(row.rawValues()).containsEntry("Zip Code", "02134").containsEntry("ACCOUNT START DATE", "13/45/21");
    }

    @Test
    void canadianRowKeepsPostalCode() {
        List<CleanedRow> rows = clean("imports/langley-sample.csv", DateFormatChoice.ISO, "CA");
        IncomingBusiness first = rows.get(0).business();

        assertThat(first.address().postalCode()).isEqualTo("V2Y 0G9");
        assertThat(first.address().city()).isEqualTo("LANGLEY");
        assertThat(first.address().state()).isEqualTo("BC");
        assertThat(first.address().countryCode()).isEqualTo("CA");
        assertThat(first.address().line1()).isEqualTo("8621 201 ST");
        assertThat(first.address().line2()).isEqualTo("Unit 400");
        assertThat(first.phoneE164()).isEqualTo("+16045345114");
        assertThat(first.naicsCode()).isEqualTo("541110");
        assertThat(first.facts()).containsEntry("start_date", "2019-03-12");
        assertThat(rows.get(1).business().phoneExtension()).isEqualTo("12");
    }

    @Test
    void unknownNaicsKeptAsFactAndFlagged() {
        CleanedRow row = clean("imports/langley-sample.csv", DateFormatChoice.ISO, "CA").get(1);

        assertThat(row.business().naicsCode()).isNull();
        assertThat(row.business().facts()).containsEntry("naics_code", "418190");
        assertThat(row.warnings()).anySatisfy(warning -> {
            assertThat(warning.value()).isEqualTo("418190");
            assertThat(warning.reason()).contains("NAICS 2022");
        });
    }

    @Test
    void namesAtSharedMaximumLengthFlagged() {
        CsvFile csv = Fixtures.csv("imports/cut-names.csv");
        NameLengthLimit limit = new NameLengthLimit();
        csv.rows().forEach(row -> limit.add(row.cell(0)));
        RowCleaner cleaner = new RowCleaner(ColumnMapping.suggest(csv.headers()), DateFormatChoice.ISO, "US", limit.limit(), code -> true);

        List<CleanedRow> rows = new ArrayList<>();
        csv.rows().forEach(row -> rows.add(cleaner.clean(row)));

        assertThat(limit.limit()).isEqualTo(20);
        assertThat(rows.get(0).warnings()).anySatisfy(warning -> assertThat(warning.reason()).contains("may be cut off"));
        assertThat(rows.get(6).warnings()).isEmpty();
    }

    @Test
    void littleRockNameLimitIsFifty() {
        CsvFile csv = Fixtures.csv("licence-lists/little-rock-ar.csv");
        NameLengthLimit limit = new NameLengthLimit();
        csv.rows().forEach(row -> limit.add(row.cell(2)));
        RowCleaner cleaner = new RowCleaner(ColumnMapping.suggest(csv.headers()), DateFormatChoice.M_D_YY, "US", limit.limit(), code -> true);

        CleanedRow allied = null;
        for (SourceRow row : csv.rows()) {
            if (row.cell(2).equals("UNIVERSAL PROTECTION SVC LLC -DBA: ALLIED UNIVERSA")) {
                allied = cleaner.clean(row);
                break;
            }
        }

        assertThat(limit.limit()).isEqualTo(50);
        assertThat(allied).isNotNull();
        assertThat(allied.business().legalName()).isEqualTo("UNIVERSAL PROTECTION SVC LLC");
        assertThat(allied.business().tradeNames()).containsExactly("ALLIED UNIVERSA");
        assertThat(allied.warnings()).anySatisfy(warning -> assertThat(warning.reason()).contains("exactly 50 characters"));
    }

    @Test
    void southBendNameLimitNotDetected() {
        CsvFile csv = Fixtures.csv("licence-lists/south-bend-in.csv");
        NameLengthLimit limit = new NameLengthLimit();
        csv.rows().forEach(row -> limit.add(row.cell(1)));

        assertThat(limit.limit()).isNull();
    }

    @Test
    void windows1252NameComesOutRight() {
        CsvFile csv = Fixtures.csv("imports/windows-1252.csv");
        RowCleaner cleaner = new RowCleaner(ColumnMapping.suggest(csv.headers()), DateFormatChoice.ISO, "US", null, code -> true);

        CleanedRow row = cleaner.clean(csv.rows().iterator().next());

        assertThat(row.business().legalName()).isEqualTo("Frick’s DQ Grill & Chill");
    }

    private static List<CleanedRow> clean(String path, DateFormatChoice dateFormat, String country) {
        CsvFile csv = Fixtures.csv(path);
        Set<String> naics2022 = Set.of("541110");
        RowCleaner cleaner = new RowCleaner(ColumnMapping.suggest(csv.headers()), dateFormat, country, null, naics2022::contains);
        List<CleanedRow> rows = new ArrayList<>();
        csv.rows().forEach(row -> rows.add(cleaner.clean(row)));
        return rows;
    }
}
