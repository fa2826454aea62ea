package org.onedoor.directory.capacity;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.onedoor.identity.Role;
import org.onedoor.identity.UserAccounts;
import org.onedoor.support.TestAccounts;
import org.onedoor.support.WebSession;

/** Staff accounts and API tokens of test partners, made through the same pages that people use. */
final class CapacityFixtures {

    private static final Pattern ISSUED_TOKEN = Pattern.compile("id=\"issued-token\"[^>]*value=\"([^\"]+)\"");

    private CapacityFixtures() {
    }

    /** Returns the email of a new account with {@link TestAccounts#PASSWORD} in the given partner. */
    static String account(UserAccounts accounts, Role role, long partnerId, String suffix) {
        String email = role.name().toLowerCase().replace('_', '-') + "-" + suffix + "@onedoor.test";
        TestAccounts.ensure(accounts, email, role, partnerId);
        return email;
    }

    /** Issues a token on the API tokens page as the given partner administrator and returns it. */
    static String issueToken(int port, String partnerAdminEmail, long partnerId, String name) {
        WebSession session = WebSession.signIn(port, partnerAdminEmail, TestAccounts.PASSWORD);
        String page = session.postForm("/admin/tokens", "/admin/tokens",
                Map.of("partner", String.valueOf(partnerId), "name", name)).body();
        Matcher token = ISSUED_TOKEN.matcher(page);
        if (!token.find()) {
            throw new IllegalStateException("The tokens page showed no new token:\n" + page);
        }
        return token.group(1);
    }

    static String figures(String unit, long available, long maximum, String freshnessLimit) {
        return "{\"unit\":\"" + unit + "\",\"available\":" + available + ",\"maximum\":" + maximum
                + ",\"freshnessLimit\":\"" + freshnessLimit + "\"}";
    }
}
