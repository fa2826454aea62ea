package org.onedoor.reference;

/** A state or the District of Columbia, with its 2-digit FIPS code and USPS abbreviation. */
public record State(String fips, String abbreviation, String name) {
}
