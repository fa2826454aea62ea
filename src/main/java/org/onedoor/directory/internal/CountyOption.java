package org.onedoor.directory.internal;

/** A county where at least one office is, for the county filter. */
public record CountyOption(String fips, String name, String stateAbbreviation) {

    public String label() {
        return name + ", " + stateAbbreviation;
    }
}
