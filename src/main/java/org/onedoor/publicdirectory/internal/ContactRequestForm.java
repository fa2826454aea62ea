package org.onedoor.publicdirectory.internal;

import java.util.List;

/**
 * The form to ask to be contacted, as the business filled it in. Any value may be {@code null}.
 *
 * @param preferredMethod {@code EMAIL}, {@code PHONE} or {@code TEXT}
 * @param services ids of the services of interest; may be empty
 * @param area the workforce area chosen on the form; needed only when no service is chosen and the directory
 *             has more than one area
 * @param consent whether the consent box was checked
 * @param homepage the honeypot: a field hidden from people, so a value in it means a bot filled in the form
 */
public record ContactRequestForm(String businessName, String personName, String email, String phone,
                                 String preferredMethod, String message, List<Long> services, Long area,
                                 Boolean consent, String homepage) {

    public ContactRequestForm {
        services = services == null ? List.of() : services.stream().distinct().toList();
    }

    public static ContactRequestForm empty(List<Long> services, Long area) {
        return new ContactRequestForm(null, null, null, null, "EMAIL", null, services, area, false, null);
    }

    /** Tells whether the hidden honeypot field has a value, which a person cannot type into. */
    public boolean filledByBot() {
        return homepage != null && !homepage.isBlank();
    }

    public boolean consentGiven() {
        return Boolean.TRUE.equals(consent);
    }
}
