package org.onedoor.businesses.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlaceholderNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"Case Name", "CASE NAME", "Location", "N/A", "NA", "n.a.", "Unknown", "UNKNOWN ",
            "Test", "TEST", "T.B.D.", "None", "---", "  ", "Business Name"})
    void placeholderNamesRecognized(String name) {
        assertThat(MatchKeys.isPlaceholderName(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Test Kitchen Cafe", "Location Labs LLC", "AAA Towing", "Unknown Mortal Orchestra Bar",
            "NA Foods", "Nana's Place", "Frank's Place"})
    void realNamesNotPlaceholders(String name) {
        assertThat(MatchKeys.isPlaceholderName(name)).isFalse();
    }

    @Test
    void nullIsPlaceholder() {
        assertThat(MatchKeys.isPlaceholderName(null)).isTrue();
    }
}
