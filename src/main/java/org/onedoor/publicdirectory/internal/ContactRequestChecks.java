package org.onedoor.publicdirectory.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.InvalidInputException.FieldProblem;
import org.onedoor.shared.PhoneNumbers;

/**
 * Checks the contact form and returns its values trimmed, with messages written for a business owner: each names
 * the value and the fix.
 */
final class ContactRequestChecks {

    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_MESSAGE_LENGTH = 2000;
    static final Set<String> METHODS = Set.of("EMAIL", "PHONE", "TEXT");

    // The same rule as the business_contact.email check constraint, so an accepted address is always stored.
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int MAX_EMAIL_LENGTH = 254;

    private ContactRequestChecks() {
    }

    /** A form whose values passed every check, trimmed; {@code phone} is {@code null} when none was entered. */
    record CheckedForm(String businessName, String personName, String email, String phone, String preferredMethod,
                       String message) {
    }

    /** @throws InvalidInputException listing every problem of the form, keyed by form field name */
    static CheckedForm check(ContactRequestForm form) {
        List<FieldProblem> problems = new ArrayList<>();
        String businessName = name("businessName", "Business name", form.businessName(),
                "Enter the name of your business as your customers know it.", problems);
        String personName = name("personName", "Your name", form.personName(),
                "Enter the name of the person we should contact.", problems);
        String email = email(form.email(), problems);
        String method = method(form.preferredMethod(), problems);
        String phone = phone(form.phone(), method, problems);
        String message = message(form.message(), problems);
        if (!form.consentGiven()) {
            problems.add(new FieldProblem("consent", "You have not agreed to be contacted. Check the box to agree, "
                    + "or call the office listed on the service page instead."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new CheckedForm(businessName, personName, email, phone, method, message);
    }

    private static String name(String field, String label, String raw, String fix, List<FieldProblem> problems) {
        String value = trimmed(raw);
        if (value == null) {
            problems.add(new FieldProblem(field, label + " is missing. " + fix));
            return null;
        }
        if (!value.codePoints().anyMatch(Character::isLetterOrDigit)) {
            problems.add(new FieldProblem(field, label + " '" + value + "' has no letters or numbers. " + fix));
            return null;
        }
        if (value.length() > MAX_NAME_LENGTH) {
            problems.add(new FieldProblem(field, label + " has " + value.length() + " characters. Shorten it to "
                    + MAX_NAME_LENGTH + " or fewer."));
            return null;
        }
        return value;
    }

    private static String email(String raw, List<FieldProblem> problems) {
        String value = trimmed(raw);
        if (value == null) {
            problems.add(new FieldProblem("email", "Email is missing. Enter the address where we can reach you, "
                    + "such as name@example.com."));
            return null;
        }
        if (value.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(value).matches()) {
            problems.add(new FieldProblem("email", "Email '" + value + "' is not an email address. Enter one such as "
                    + "name@example.com."));
            return null;
        }
        return value;
    }

    private static String method(String raw, List<FieldProblem> problems) {
        String value = trimmed(raw);
        if (value == null || !METHODS.contains(value)) {
            problems.add(new FieldProblem("preferredMethod", (value == null ? "How to contact you is missing."
                    : "'" + value + "' is not a way we can contact you.") + " Choose email, phone call or text message."));
            return null;
        }
        return value;
    }

    private static String phone(String raw, String method, List<FieldProblem> problems) {
        String value = trimmed(raw);
        if (value == null) {
            if ("PHONE".equals(method) || "TEXT".equals(method)) {
                problems.add(new FieldProblem("phone", "Phone is missing. You asked us to " + ("TEXT".equals(method)
                        ? "text you" : "call you") + ", so enter a number with its area code, or choose email."));
            }
            return null;
        }
        if (PhoneNumbers.parse(value, "US", PhoneNumbers.Check.POSSIBLE).isEmpty()) {
            problems.add(new FieldProblem("phone", "Phone '" + value + "' is not a phone number. Enter it with its "
                    + "area code, such as 574-555-0123."));
            return null;
        }
        return value;
    }

    private static String message(String raw, List<FieldProblem> problems) {
        String value = trimmed(raw);
        if (value == null) {
            problems.add(new FieldProblem("message", "What you need is missing. Tell us in a few words what help "
                    + "you are looking for, such as \"hiring two welders this spring\"."));
            return null;
        }
        if (value.length() > MAX_MESSAGE_LENGTH) {
            problems.add(new FieldProblem("message", "What you need has " + value.length() + " characters. Shorten it "
                    + "to " + MAX_MESSAGE_LENGTH + " or fewer; we can go over the details when we reach you."));
            return null;
        }
        return value;
    }

    private static String trimmed(String raw) {
        return raw == null || raw.isBlank() ? null : raw.strip();
    }
}
