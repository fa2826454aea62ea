package org.onedoor.reference;

/**
 * A federal program that takes part in a one-stop system. {@code required} is true for the partners that
 * WIOA sec. 121(b)(1)(B) requires, and false for optional partners.
 */
public record FederalProgram(String code, String name, String authority, String federalAgency, boolean required,
                             String description) {
}
