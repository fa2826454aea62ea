package org.onedoor.referrals;

import java.util.ArrayList;
import java.util.List;

/**
 * The elements a workforce area requires of a quality referral. An area that set nothing requires all six.
 *
 * @param need                  the need the referral meets
 * @param contact               a business contact and how the contact prefers to be reached
 * @param consent               the business's consent to share its profile with the receiving partner
 * @param namedReceiver         a named receiving office or person
 * @param handOffNote           a warm hand-off note to the receiver
 * @param firstContactDate      the date by which the receiver is expected to contact the business
 */
public record QualityStandard(boolean need, boolean contact, boolean consent, boolean namedReceiver,
                              boolean handOffNote, boolean firstContactDate) {

    /** Element names as the API and the forms use them, in the order forms show them. */
    public static final List<String> ELEMENTS = List.of("need", "contact", "consent", "namedReceiver", "handOffNote",
            "firstContactDate");

    public static QualityStandard allRequired() {
        return new QualityStandard(true, true, true, true, true, true);
    }

    public boolean requires(String element) {
        return switch (element) {
            case "need" -> need;
            case "contact" -> contact;
            case "consent" -> consent;
            case "namedReceiver" -> namedReceiver;
            case "handOffNote" -> handOffNote;
            case "firstContactDate" -> firstContactDate;
            default -> throw new IllegalArgumentException("Unknown quality element " + element);
        };
    }

    public List<String> requiredElements() {
        List<String> required = new ArrayList<>();
        ELEMENTS.stream().filter(this::requires).forEach(required::add);
        return required;
    }

    /** Returns the label of an element as forms and messages show it. */
    public static String label(String element) {
        return switch (element) {
            case "need" -> "The need being met";
            case "contact" -> "Business contact and how they prefer to be reached";
            case "consent" -> "The business's consent to share its profile with the receiving partner";
            case "namedReceiver" -> "A named receiving office or person";
            case "handOffNote" -> "Warm hand-off note";
            case "firstContactDate" -> "Expected first-contact date";
            default -> throw new IllegalArgumentException("Unknown quality element " + element);
        };
    }
}
