package org.onedoor.webhooks.internal;

import org.onedoor.identity.CurrentUser;
import org.onedoor.identity.PartnerSystem;
import org.onedoor.identity.Role;
import org.springframework.security.access.AccessDeniedException;

/**
 * The author of a webhook change: an installation administrator, a partner administrator, or a partner system
 * with its partner's API token.
 *
 * @param partnerId the partner acted for, or {@code null} for an administrator without a partner
 */
public record WebhookActor(String displayName, Long partnerId, boolean administrator) {

    /**
     * Returns the actor for a staff member.
     *
     * @throws AccessDeniedException for staff without an administrator role
     */
    public static WebhookActor of(CurrentUser user) {
        if (user.role() == Role.STAFF) {
            throw new AccessDeniedException("Only administrators manage webhooks");
        }
        return new WebhookActor(user.displayName(), user.partnerId(), user.isAdministrator());
    }

    public static WebhookActor of(PartnerSystem system) {
        return new WebhookActor(system.displayName(), system.partnerId(), false);
    }

    /** Tells whether this actor may manage the webhooks of the given partner. */
    public boolean mayManage(long webhookPartnerId) {
        return administrator || (partnerId != null && partnerId == webhookPartnerId);
    }
}
