package org.onedoor.businesses.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.onedoor.businesses.IncomingAddress;

class AddressKeyTest {

    @ParameterizedTest(name = "''{0}'' has street ''{1}'' and unit ''{2}''")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            327 W  MARION ST                               | 327 w marion st           | -
            '327 W Marion St, South Bend, Indiana, 46601'  | 327 w marion st           | -
            3301 PORTAGE AVE SOUTH BEND, IN 46628          | 3301 portage ave          | -
            '3221 LINCOLN WAY W, SOUTH BEND, IN, 466281450'| 3221 lincoln way w        | -
            '2410 E MISHAWAKA AV, SOUTH BEND, 46615'       | 2410 e mishawaka ave      | -
            327 West Marion Street                         | 327 w marion st           | -
            123 N. HILL ST.                                | 123 n hill st             | -
            123 North Hill Str                             | 123 n hill st             | -
            3201 SUGAR MAPLE BUSINESS CT                   | 3201 sugar maple business ct | -
            2017 SOUTH BEND AVE                            | 2017 s bend ave           | -
            100 First Street                               | 100 1st st                | -
            401 E Colfax Ave Suite 104                     | 401 e colfax ave          | 104
            3001 West 59th Street 1st Floor                | 3001 w 59th st            | 1
            3001 W 59th St Floor 1                         | 3001 w 59th st            | 1
            401 E COLFAX AVE STE 104                       | 401 e colfax ave          | 104
            '401 E Colfax Ave, Ste. 104'                   | 401 e colfax ave          | 104
            3901 S UNIVERSITY AVE #7                       | 3901 s university ave     | 7
            3901 S University Avenue Unit 7                | 3901 s university ave     | 7
            3901 S University Ave # 7                      | 3901 s university ave     | 7
            500 Main St STE A                              | 500 main st               | a
            500 Main Street Suite A                        | 500 main st               | a
            '1233 N EDDY ST 110, SOUTH BEND, IN, 46617'    | 1233 n eddy st            | 110
            851 US Highway 20                              | 851 us hwy 20             | -
            851 US HWY 20                                  | 851 us hwy 20             | -
            3700 LINCOLN WAY W                             | 3700 lincoln way w        | -
            12 Parking Lot Rd                              | 12 parking lot rd         | -
            PO BOX A                                       | po box a                  | -
            P.O. Box 123                                   | po box 123                | -
            NA                                             | -                         | -
            OUT OF TOWN                                    | -                         | -
            """)
    void normalizesStreetAndUnit(String line1, String street, String unit) {
        AddressKey key = AddressKey.of(new IncomingAddress(line1, null, "South Bend", "IN", null, "US", null));

        assertThat(key.street()).isEqualTo(street);
        assertThat(key.unit()).isEqualTo(unit);
    }

    @Test
    void takesUnitFromSecondLine() {
        AddressKey key = AddressKey.of(new IncomingAddress("500 Main St", "Suite A", "Niles", "MI", "49120", "US", null));

        assertThat(key.street()).isEqualTo("500 main st");
        assertThat(key.unit()).isEqualTo("a");
        assertThat(key.zip5()).isEqualTo("49120");
        assertThat(key.city()).isEqualTo("niles");
    }

    @Test
    void keepsHouseNumberExact() {
        AddressKey first = address("8218 CANTRELL RD", "LITTLE ROCK", "72227");
        AddressKey second = address("7811 CANTRELL RD", "LITTLE ROCK", "72227");

        assertThat(first.isSamePlaceAs(second)).isFalse();
    }

    @Test
    void treatsSouthBendSpellingsAsSamePlace() {
        AddressKey first = address("327 W  MARION ST", "SOUTH BEND", "46601");
        AddressKey second = address("327 W Marion St, South Bend, Indiana, 46601", "SOUTH BEND", "46601");

        assertThat(first).isEqualTo(second);
        assertThat(first.isSamePlaceAs(second)).isTrue();
    }

    @Test
    void treatsDifferentUnitsAsDifferentPlaces() {
        AddressKey suite104 = address("401 E Colfax Ave Suite 104", "SOUTH BEND", "46617");
        AddressKey suite200 = address("401 E Colfax Ave Suite 200", "SOUTH BEND", "46617");
        AddressKey noUnit = address("401 E Colfax Ave", "SOUTH BEND", "46617");

        assertThat(suite104.isSamePlaceAs(suite200)).isFalse();
        assertThat(suite104.isSamePlaceAs(noUnit)).isTrue();
    }

    @Test
    void ignoresMailingCityOfSameStreet() {
        AddressKey local = address("209 E IRELAND RD", "SOUTH BEND", "46614");
        AddressKey headquarters = address("209 E  IRELAND RD", "ROSEMEAD", "91770");

        assertThat(local.isSamePlaceAs(headquarters)).isTrue();
        assertThat(local.isSameLocalityAs(headquarters)).isFalse();
    }

    @Test
    void sameCityIsSameLocality() {
        AddressKey first = address("211 N EDDY ST", "South Bend", "46617");
        AddressKey second = address("211 N EDDY ST", "SOUTH BEND", "46619");

        assertThat(first.isSameLocalityAs(second)).isTrue();
    }

    @Test
    void shortStreetFormIsSamePlace() {
        AddressKey full = address("3801 S Wabash Ave", "Chicago", "60653");
        AddressKey shortForm = address("3801 S. Wabash", "Chicago", "60653");
        AddressKey noDirectional = address("3801 Wabash Avenue", "Chicago", "60653");
        AddressKey otherTown = address("3801 S Wabash", "Wabash", "46992");

        assertThat(full.isSamePlaceAs(shortForm)).isTrue();
        assertThat(shortForm.isSamePlaceAs(full)).isTrue();
        assertThat(full.isSamePlaceAs(noDirectional)).isTrue();
        assertThat(full.isSamePlaceAs(otherTown)).isFalse();
    }

    @Test
    void otherSuffixIsAnotherPlace() {
        AddressKey street = address("100 Main St", "Niles", "49120");

        assertThat(street.isSamePlaceAs(address("100 Main Ave", "Niles", "49120"))).isFalse();
        assertThat(street.isSamePlaceAs(address("100 Old Main St", "Niles", "49120"))).isFalse();
        assertThat(street.isSamePlaceAs(address("100 St", "Niles", "49120"))).isFalse();
        assertThat(address("100 St Joseph St", "Niles", "49120")
                .isSamePlaceAs(address("100 Joseph St", "Niles", "49120"))).isFalse();
        assertThat(address("100 N Main St", "Niles", "49120")
                .isSamePlaceAs(address("100 S Main St", "Niles", "49120"))).isFalse();
    }

    @Test
    void neverMatchesWithoutStreet() {
        AddressKey first = address("NA", "SOUTH BEND", "46601");
        AddressKey second = address("NA", "SOUTH BEND", "46601");

        assertThat(first.isSamePlaceAs(second)).isFalse();
    }

    private static AddressKey address(String line1, String city, String zip) {
        return AddressKey.of(new IncomingAddress(line1, null, city, null, zip, "US", null));
    }
}
