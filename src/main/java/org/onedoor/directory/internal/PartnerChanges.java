package org.onedoor.directory.internal;

/**
 * The partner fields its administrators edit, as a form or API body sends them.
 *
 * @param reviewPeriodDays days after which a verified service counts as stale, as text so a bad value can be
 *                         shown back with its message
 */
public record PartnerChanges(String name, String description, String website, String reviewPeriodDays) {

    public static PartnerChanges of(PartnerDetails partner) {
        return new PartnerChanges(partner.name(), partner.description(), partner.website(),
                String.valueOf(partner.reviewPeriodDays()));
    }
}
