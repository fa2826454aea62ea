package org.onedoor.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onedoor.shared.InvalidInputException.FieldProblem;

class ColumnMappingTest {

    @Test
    void southBendHeadersMapCompletely() {
        ColumnMapping mapping = ColumnMapping.suggest(Fixtures.csv("licence-lists/south-bend-in.csv").headers());

        assertThat(mapping.problems()).isEmpty();
        assertThat(mapping.fieldOf("Business Name")).isEqualTo(ImportField.LEGAL_NAME);
        assertThat(mapping.fieldOf("Street Address")).isEqualTo(ImportField.ADDRESS_LINE1);
        assertThat(mapping.fieldOf("Zip Code")).isEqualTo(ImportField.POSTAL_CODE);
        assertThat(mapping.fieldOf("Phone No.")).isEqualTo(ImportField.PHONE);
        assertThat(mapping.fieldOf("License Type")).isEqualTo(ImportField.LICENCE_TYPE);
        assertThat(mapping.fieldOf("year")).isEqualTo(ImportField.LICENCE_YEAR);
        assertThat(mapping.fieldOf("LicenceNumber")).isEqualTo(ImportField.LICENCE_NUMBER);
    }

    @Test
    void littleRockHeadersMapCompletely() {
        ColumnMapping mapping = ColumnMapping.suggest(Fixtures.csv("licence-lists/little-rock-ar.csv").headers());

        assertThat(mapping.problems()).isEmpty();
        assertThat(mapping.fieldOf("Business")).isEqualTo(ImportField.LEGAL_NAME);
        assertThat(mapping.fieldOf("Address")).isEqualTo(ImportField.ADDRESS_LINE1);
        assertThat(mapping.fieldOf("Zip")).isEqualTo(ImportField.POSTAL_CODE);
        assertThat(mapping.fieldOf("ACCOUNT START DATE")).isEqualTo(ImportField.START_DATE);
    }

    @Test
    void langleyHeadersMapCompletely() {
        ColumnMapping mapping = ColumnMapping.suggest(Fixtures.csv("licence-lists/langley-bc.csv").headers());

        assertThat(mapping.problems()).isEmpty();
        assertThat(mapping.fieldOf("Business_Name")).isEqualTo(ImportField.LEGAL_NAME);
        assertThat(mapping.fieldOf("Civic_House")).isEqualTo(ImportField.CIVIC_HOUSE);
        assertThat(mapping.fieldOf("NAICS_Primary")).isEqualTo(ImportField.NAICS);
        assertThat(mapping.fieldOf("Category_Desc")).isEqualTo(ImportField.FACT);
    }

    @Test
    void unknownHeaderNamedAsProblem() {
        ColumnMapping mapping = ColumnMapping.suggest(Fixtures.csv("imports/unmapped-header.csv").headers());

        assertThat(mapping.problems()).extracting(FieldProblem::field).containsExactly("Favourite Colour");
        assertThat(mapping.problems().get(0).message()).contains("'Favourite Colour' maps to no field").contains("Do not import");
    }

    @Test
    void missingLegalNameNamedAsProblem() {
        ColumnMapping mapping = ColumnMapping.suggest(Fixtures.csv("imports/no-legal-name.csv").headers());

        assertThat(mapping.problems()).extracting(FieldProblem::field).containsExactly("mapping");
        assertThat(mapping.problems().get(0).message()).contains("legal name");
    }

    @Test
    void choiceOverridesSuggestion() {
        ColumnMapping mapping = ColumnMapping.withChoices(List.of("Business Name", "Favourite Colour"),
                Map.of("Favourite Colour", ImportField.IGNORE));

        assertThat(mapping.problems()).isEmpty();
        assertThat(mapping.fieldOf("Favourite Colour")).isEqualTo(ImportField.IGNORE);
    }

    @Test
    void sameFieldTwiceIsProblem() {
        ColumnMapping mapping = new ColumnMapping(List.of("A", "B"), Map.of("A", ImportField.LEGAL_NAME, "B", ImportField.LEGAL_NAME));

        assertThat(mapping.problems()).extracting(FieldProblem::field).containsExactly("B");
        assertThat(mapping.problems().get(0).message()).contains("'A' and 'B' both map to");
    }
}
