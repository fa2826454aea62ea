package org.onedoor.businesses.internal;

/**
 * One fact that makes two business records more or less likely to be the same business.
 *
 * @param kind what was compared
 * @param logOdds how much the fact moves the log-odds of "same business". It is negative for a fact against, and 0
 *                for a fact shown only to explain why it does not count, such as a shared role mailbox.
 * @param reason the fact in plain words, such as "Same phone +15742322277"
 */
public record MatchEvidence(Kind kind, double logOdds, String reason) {

    public enum Kind {
        FEIN, LEGAL_NAME, TRADE_NAME, CONTAINED_NAME, NAME_AFTER_PREFIX, EXTENDED_NAME, RARE_WORDS_SHARED,
        SIMILAR_NAME, COMMON_WORDS_ONLY, DIFFERENT_NAME, ADDRESS, SAME_STREET_NUMBER, DIFFERENT_UNIT,
        DIFFERENT_ADDRESS, ZIP, PHONE, DIFFERENT_PHONE, WEBSITE, DIFFERENT_WEBSITE, NAICS_SECTOR, EMAIL, CONTACT
    }
}
