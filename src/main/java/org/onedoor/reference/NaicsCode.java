package org.onedoor.reference;

/**
 * A NAICS 2022 code. Sectors have level 2 and may be ranges such as {@code 31-33}; {@code sectorCode} is the
 * sector the code belongs to, and {@code parentCode} is the next shorter code, or null for a sector.
 */
public record NaicsCode(String code, String title, int level, String sectorCode, String parentCode) {
}
