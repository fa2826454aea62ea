package org.onedoor.reference;

/** A category of service to employers, as counted in federal WIOA performance reporting. */
public record EmployerServiceCategory(String code, String name, String definition) {
}
