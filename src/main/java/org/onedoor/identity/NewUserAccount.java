package org.onedoor.identity;

/**
 * The facts needed to open a staff account; the password is plain text and is hashed before it is stored.
 *
 * @param officeId the office the person works from, which must belong to their partner; {@code null} for none
 */
public record NewUserAccount(String email, String displayName, Role role, Long partnerId, String password,
                             Long officeId) {

    public NewUserAccount(String email, String displayName, Role role, Long partnerId, String password) {
        this(email, displayName, role, partnerId, password, null);
    }

    @Override
    public String toString() {
        return "NewUserAccount[email=" + email + ", role=" + role + ", partnerId=" + partnerId + ", officeId="
                + officeId + "]";
    }
}
