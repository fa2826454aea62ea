package org.onedoor.businesses;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.onedoor.identity.CurrentUser;

/**
 * Fields that one partner adds to the shared profile, and their values. Who may see a value depends on the
 * field's visibility: {@code SHARED} values are visible to every partner, {@code PARTNER_ONLY} and
 * {@code CONFIDENTIAL} values only to the owning partner's staff, and every read of a confidential value is
 * recorded.
 */
public interface PartnerFields {

    /** Lists the fields of one partner, or of every partner when {@code partnerId} is {@code null}, by name. */
    List<Definition> definitions(Long partnerId);

    /**
     * Defines a field for a partner.
     *
     * @throws org.onedoor.shared.InvalidInputException for an invalid or duplicate definition
     * @throws org.springframework.security.access.AccessDeniedException when the user may not administer the partner
     */
    Definition define(NewField field, CurrentUser user);

    /**
     * Sets or clears ({@code null} or blank) the value of a field for a business. A value equal to the current one
     * records nothing.
     *
     * @return whether the value changed
     * @throws org.onedoor.shared.NotFoundException for an unknown business, or a field the user may not see
     * @throws org.onedoor.shared.InvalidInputException for a value the field's validation rejects
     * @throws org.springframework.security.access.AccessDeniedException when the user may see but not change it
     */
    boolean setValue(long businessId, long fieldId, String value, CurrentUser user, String sourceKind);

    /** Lists the recorded reads of confidential values of a business, newest first. */
    List<ConfidentialRead> confidentialReads(long businessId);

    /**
     * @param type {@code TEXT}, {@code NUMBER}, {@code DATE}, {@code YES_NO} or {@code CHOICE}
     * @param visibility {@code SHARED}, {@code PARTNER_ONLY} or {@code CONFIDENTIAL}
     * @param minValue for numbers, the smallest value; for dates, unused
     * @param pattern for text, a Java regular expression the whole value must match
     */
    record Definition(long id, long partnerId, String partnerName, String name, String type, boolean required,
                      BigDecimal minValue, BigDecimal maxValue, String pattern, List<String> choices,
                      String visibility, Instant createdAt) {
    }

    /** @param required whether the field is listed among missing facts until it has a value; {@code null} means no */
    record NewField(Long partnerId, String name, String type, Boolean required, BigDecimal minValue,
                    BigDecimal maxValue, String pattern, List<String> choices, String visibility) {

        public NewField {
            required = Boolean.TRUE.equals(required);
            choices = choices == null ? List.of() : List.copyOf(choices);
        }
    }

    record ConfidentialRead(long id, long userId, String userName, Long partnerId, long businessId, long fieldId,
                            String fieldName, String path, Instant readAt) {
    }
}
