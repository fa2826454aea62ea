package org.onedoor.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    @Test
    void normalizesUsNumberWithExtension() {
        assertThat(PhoneNumbers.toE164("(574) 555-0100 ext. 12")).hasValue("+15745550100;ext=12");
    }

    @Test
    void keepsInternationalNumber() {
        assertThat(PhoneNumbers.toE164("+44 20 7946 0000")).hasValue("+442079460000");
    }

    @Test
    void rejectsTooShortNumber() {
        assertThat(PhoneNumbers.toE164("555-01")).isEmpty();
    }

    @Test
    void rejectsText() {
        assertThat(PhoneNumbers.toE164("call the front desk")).isEmpty();
    }
}
