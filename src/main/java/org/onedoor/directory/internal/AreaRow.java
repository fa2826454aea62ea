package org.onedoor.directory.internal;

/**
 * A workforce area as the directory lists it.
 *
 * @param stateFips the 2-digit FIPS code of the area's state
 * @param partnerCount how many partners the area has
 */
public record AreaRow(long id, String code, String name, String stateFips, boolean demo, int partnerCount) {
}
