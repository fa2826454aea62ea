package org.onedoor.businesses.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameKeyTest {

    @ParameterizedTest(name = "{0} and {1} share a key")
    @CsvSource(delimiter = '|', textBlock = """
            FRANK'S PLACE                        | Frank's Place
            Frick’s DQ Grill & Chill             | FRICK'S DQ GRILL AND CHILL
            Frick’s DQ Grill &Chill              | Frick's DQ Grill & Chill
            MR. CHEN'S                           | MR CHEN'S
            A.B.C. Plumbing                      | A B C Plumbing
            A B C Plumbing                       | ABC Plumbing
            AMERICAN TREE CARE, INC              | American Tree Care
            Rulli's Italian Restaurant, Inc.     | RULLIS ITALIAN RESTAURANT
            Acme Incorporated                    | ACME
            Acme L.L.C.                          | Acme LLC
            Acme, LLC                            | acme
            Acme Corp.                           | Acme Corporation
            Acme Co                              | Acme Company
            Acme Ltd                             | Acme
            Smith & Jones LLP                    | Smith and Jones
            Johnson & Co.                        | Johnson
            Smith Dental P.C.                    | Smith Dental
            Café Navarre                         | CAFE NAVARRE
            THE TENNIS SHOPPE                    | Tennis Shoppe
            MC DONALD'S 2982                     | McDonald's 2982
            LOS ASES MEXICAN FOOD LLC            | LOS ASES MEXICAN FOOD
            J AND W RESTAURANT GROUP INC         | J & W Restaurant Group
            PLEXPO BEER & WINE                   | PLEXPO BEER WINE
            West Side Democratic & Civic Club    | WEST SIDE DEMOCRATIC CIVIC CLUB
            """)
    void sharesKeyForSpellingsOfOneName(String first, String second) {
        assertThat(NameKey.of(first).matchKey()).isEqualTo(NameKey.of(second).matchKey());
    }

    @ParameterizedTest(name = "{0} and {1} differ")
    @CsvSource(delimiter = '|', textBlock = """
            Central Valley Staffing              | Central Coast Staffing
            Enterprise Solutions Group           | Solutions Group Co
            MC DONALD'S 2982                     | MC DONALD'S 574
            Company Store                        | Store
            Acme Inc Supply                      | Acme Supply
            Chocolate Cafe - Airport             | Chocolate Cafe - Studebagels
            Smith Co Builders                    | Smith Builders
            """)
    void differsForDifferentNames(String first, String second) {
        assertThat(NameKey.of(first).matchKey()).isNotEqualTo(NameKey.of(second).matchKey());
    }

    @ParameterizedTest(name = "{0} has key words ''{1}''")
    @CsvSource(delimiter = '|', textBlock = """
            A.B.C. Plumbing, Inc.                | abc plumbing
            J.W. CHEN'S                          | jw chens
            L Street Kitchen INC                 | l street kitchen
            Frick’s DQ Grill & Chill             | fricks dq grill and chill
            PURPLE PORCH CO-OP, INC              | purple porch co op
            The Company                          | company
            Inc                                  | inc
            Acme Co. Inc.                        | acme
            Johnson & Co                         | johnson
            """)
    void foldsAndDropsTrailingLegalForms(String name, String expectedWords) {
        assertThat(NameKey.of(name).words()).isEqualTo(expectedWords);
    }

    @Test
    void isEmptyWithoutLettersOrDigits() {
        assertThat(NameKey.of(" - ").isEmpty()).isTrue();
        assertThat(NameKey.of("’").isEmpty()).isTrue();
    }

    @Test
    void keepsLoneAndAsKey() {
        assertThat(NameKey.of("&").matchKey()).isEqualTo("and");
    }
}
