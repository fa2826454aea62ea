package org.onedoor.directory.internal;

import org.onedoor.identity.CurrentUser;
import org.onedoor.identity.PartnerSystem;

/**
 * The author of a capacity change: a staff member or a partner system.
 *
 * @param userId    the staff account, or {@code null} for a partner system
 * @param partnerId the partner acted for, or {@code null} for an administrator without a partner
 */
public record CapacityActor(String displayName, Long userId, Long partnerId, boolean administrator) {

    public static CapacityActor of(CurrentUser user) {
        return new CapacityActor(user.displayName(), user.id(), user.partnerId(), user.isAdministrator());
    }

    public static CapacityActor of(PartnerSystem system) {
        return new CapacityActor(system.displayName(), null, system.partnerId(), false);
    }

    /** Tells whether this actor may change the capacity of a service of the given partner. */
    public boolean mayUpdate(long servicePartnerId) {
        return administrator || (partnerId != null && partnerId == servicePartnerId);
    }
}
