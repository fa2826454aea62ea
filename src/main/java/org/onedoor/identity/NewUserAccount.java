package org.onedoor.identity;

/** The facts needed to open a staff account; the password is plain text and is hashed before it is stored. */
public record NewUserAccount(String email, String displayName, Role role, Long partnerId, String password) {

    @Override
    public String toString() {
        return "NewUserAccount[email=" + email + ", role=" + role + ", partnerId=" + partnerId + "]";
    }
}
