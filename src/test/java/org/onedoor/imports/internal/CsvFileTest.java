package org.onedoor.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.onedoor.shared.InvalidInputException;

class CsvFileTest {

    @Test
    void quotedCommasAndLineBreaksStayInField() {
        List<SourceRow> rows = rows(Fixtures.csv("imports/quoted-multiline.csv"));

        assertThat(rows).hasSize(4);
        assertThat(rows.get(0).cell(0)).isEqualTo("AMERICAN TREE CARE, INC");
        assertThat(rows.get(1).cell(1)).isEqualTo("400-8621 201 ST\r\nLANGLEY BC  V2Y 0G9");
        assertThat(rows.get(2).cell(0)).isEqualTo("SAID \"QUOTED\" LLC");
    }

    @Test
    void lineNumbersArePhysicalStartLines() {
        List<SourceRow> rows = rows(Fixtures.csv("imports/quoted-multiline.csv"));

        assertThat(rows).extracting(SourceRow::lineNumber).containsExactly(2, 3, 5, 6);
    }

    @Test
    void lastRecordWithoutNewlineIsKept() {
        List<SourceRow> rows = rows(Fixtures.csv("imports/quoted-multiline.csv"));

        assertThat(rows.get(3).cell(0)).isEqualTo("HUNGRY HOWIES PIZZA");
        assertThat(rows.get(3).cell(3)).isEqualTo("72227");
    }

    @Test
    void blankHeaderGetsColumnNumber() {
        CsvFile csv = CsvFile.of("Business Name,,Zip\nACME,x,46601\n");

        assertThat(csv.headers()).containsExactly("Business Name", "Column 2", "Zip");
    }

    @Test
    void repeatedHeaderIsRejected() {
        assertThatThrownBy(() -> CsvFile.of("Business Name,Zip,Zip\nACME,1,2\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'Zip' appears twice");
    }

    @Test
    void emptyFileIsRejected() {
        assertThatThrownBy(() -> CsvFile.of(""))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void littleRockLastRowKept() {
        CsvFile csv = Fixtures.csv("licence-lists/little-rock-ar.csv");
        List<SourceRow> rows = rows(csv);

        assertThat(rows).hasSize(14_573);
        assertThat(rows.get(rows.size() - 1).cell(2)).isEqualTo("HUNGRY HOWIES PIZZA");
        assertThat(rows.get(rows.size() - 1).cell(6)).isEqualTo("6/11/19");
        assertThat(rows.get(rows.size() - 1).lineNumber()).isEqualTo(14_574);
    }

    @Test
    void langleyRecordsSpanTwoLines() {
        CsvFile csv = Fixtures.csv("licence-lists/langley-bc.csv");
        List<SourceRow> rows = rows(csv);

        assertThat(csv.headers().get(0)).isEqualTo("X");
        assertThat(rows).hasSize(7_019);
        assertThat(rows.get(0).lineNumber()).isEqualTo(2);
        assertThat(rows.get(1).lineNumber()).isEqualTo(4);
    }

    @Test
    void southBendRowCount() {
        assertThat(rows(Fixtures.csv("licence-lists/south-bend-in.csv"))).hasSize(3_344);
    }

    private static List<SourceRow> rows(CsvFile csv) {
        List<SourceRow> rows = new ArrayList<>();
        csv.rows().forEach(rows::add);
        return rows;
    }
}
