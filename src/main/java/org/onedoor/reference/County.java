package org.onedoor.reference;

/** A county or county equivalent, with its 5-digit FIPS code whose first two digits are the state's. */
public record County(String fips, String stateFips, String name) {
}
