package org.onedoor.businesses;

import java.util.List;
import java.util.Map;

import org.onedoor.identity.CurrentUser;

/**
 * Reads and changes the shared profile as one staff member or partner system, recording who collected each value,
 * for which partner, when and from what source. A value equal to the one already known records nothing.
 */
public interface BusinessProfileService {

    /**
     * Reads the profile with the partner fields the reader may see, and records each confidential value read.
     *
     * @param path how the value leaves the system, such as {@code GET /api/v1/businesses/12}, kept with each
     *             confidential read
     * @throws org.onedoor.shared.NotFoundException for an unknown business
     */
    BusinessProfile read(long businessId, CurrentUser reader, String path);

    /**
     * Applies a JSON merge patch (RFC 7396) of profile fields in one transaction. Establishments and contacts are
     * objects keyed by their id; a contact set to {@code null} is removed.
     *
     * @throws org.onedoor.shared.InvalidInputException naming every unknown key and every invalid value
     * @throws org.onedoor.shared.NotFoundException for an unknown business, establishment or contact
     */
    ProfileChange update(long businessId, Map<String, Object> patch, Editor editor);

    /**
     * Adds a contact person.
     *
     * @throws org.onedoor.shared.InvalidInputException for a missing name or an invalid value
     */
    long addContact(long businessId, NewContact contact, Editor editor);

    /**
     * Reads the values that eligibility rules use, in one query.
     *
     * @throws org.onedoor.shared.NotFoundException for an unknown business
     */
    EligibilityFacts eligibilityFacts(long businessId);

    /** Lists the facts the profile lacks, including required partner fields that the reader may fill. */
    List<MissingFact> missingFacts(long businessId, CurrentUser reader);

    /**
     * The person or partner system that changes the profile, and the page or API it uses.
     *
     * @param sourceKind {@code STAFF_ENTRY} for a person, {@code PARTNER_SYSTEM} for a partner system
     * @param sourceName the page or API the values came through, kept on the source record
     */
    record Editor(Long userId, Long partnerId, String sourceKind, String sourceName) {

        public static Editor staff(CurrentUser user, String sourceName) {
            return new Editor(user.id(), user.partnerId(), "STAFF_ENTRY", sourceName);
        }
    }

    /** @param changedFields the history field names that changed, in order; empty when nothing changed */
    record ProfileChange(long businessId, List<String> changedFields) {

        public boolean changed() {
            return !changedFields.isEmpty();
        }
    }

    /** @param phones phones as entered; each must parse as a phone number */
    record NewContact(String name, String role, String email, List<String> phones, String preferredMethod,
                      Long establishmentId) {

        public NewContact {
            phones = phones == null ? List.of() : List.copyOf(phones);
        }
    }

    /**
     * One fact the profile lacks.
     *
     * @param field the JSON merge patch path that fills it, such as {@code yearStarted},
     *              {@code establishments.12.timeZone} or {@code partnerFields.7}
     * @param label the label a form shows for it
     */
    record MissingFact(String field, String label, Long establishmentId, Long partnerFieldId) {
    }
}
