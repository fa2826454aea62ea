package org.onedoor.businesses.internal;

import java.util.Set;

import org.onedoor.businesses.IncomingAddress;

/**
 * The matching keys the application writes for a business, for benchmarks that seed many businesses straight into
 * the database and must leave them exactly as the registry would.
 */
public final class SeedKeys {

    private SeedKeys() {
    }

    /** The name key stored in {@code business.name_key} and {@code business_trade_name.name_key}. */
    public static String nameKey(String name) {
        return NameKey.of(name).matchKey();
    }

    /** The words counted in {@code business_name_word} for one name. */
    public static Set<String> nameWords(String name) {
        return MatchNameWords.wordsOf(name);
    }

    /** The address key parts stored on {@code establishment}: street, unit, zip5 and city, each possibly null. */
    public static String[] addressKey(IncomingAddress address) {
        AddressKey key = AddressKey.of(address);
        return new String[] {key.street(), key.unit(), key.zip5(), key.city()};
    }
}
