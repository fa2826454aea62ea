package org.onedoor.identity;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in staff member, as stored in the security context.
 *
 * @param partnerId the partner the user belongs to; {@code null} only for administrators without a partner
 */
public record CurrentUser(long id, String email, String displayName, Role role, Long partnerId,
                          String passwordHash, boolean enabled) implements UserDetails {

    public CurrentUser {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(role, "role");
        if (role != Role.ADMINISTRATOR && partnerId == null) {
            throw new IllegalArgumentException("User " + email + " has role " + role + " but no partner");
        }
    }

    public boolean isAdministrator() {
        return role == Role.ADMINISTRATOR;
    }

    /** Tells whether this user may edit the directory entries and staff of the given partner. */
    public boolean canAdministerPartner(long partner) {
        return isAdministrator() || (role == Role.PARTNER_ADMINISTRATOR && partnerId != null && partnerId == partner);
    }

    /** Tells whether this user may confirm that the partner's directory entries are current: its staff may. */
    public boolean canVerifyServicesOf(long partner) {
        return isAdministrator() || (partnerId != null && partnerId == partner);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public String toString() {
        return "CurrentUser[id=" + id + ", email=" + email + ", role=" + role + ", partnerId=" + partnerId + "]";
    }
}
