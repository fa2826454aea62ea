package org.onedoor.identity.internal;

import org.onedoor.identity.CurrentUser;
import org.onedoor.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads staff accounts by email, ignoring case, for form sign-in and HTTP Basic. */
@Component
class StaffUserDetailsService implements UserDetailsService {

    private final JdbcClient jdbc;

    StaffUserDetailsService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public CurrentUser loadUserByUsername(String email) {
        return jdbc.sql("""
                        SELECT id, email, display_name, role, partner_id, password_hash, enabled
                        FROM app_user WHERE lower(email) = lower(:email)""")
                .param("email", email == null ? "" : email.strip())
                .query((row, rowNumber) -> new CurrentUser(
                        row.getLong("id"),
                        row.getString("email"),
                        row.getString("display_name"),
                        Role.valueOf(row.getString("role")),
                        row.getObject("partner_id", Long.class),
                        row.getString("password_hash"),
                        row.getBoolean("enabled")))
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("No account for the given email"));
    }
}
