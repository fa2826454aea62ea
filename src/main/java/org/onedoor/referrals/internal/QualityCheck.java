package org.onedoor.referrals.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.onedoor.directory.ServiceSummary;
import org.onedoor.eligibility.FactCatalog;
import org.onedoor.referrals.QualityStandard;
import org.onedoor.referrals.ReferralRejectedException;
import org.onedoor.referrals.SendRequest;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.InvalidInputException.FieldProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks a send request against the receiving area's quality standard. Values that are given but invalid get a
 * 400 naming the field; required elements that are missing get one 409 {@code incomplete} that lists them all.
 * What the profile already records (the business's only contact, the contact's preferred method) counts as given.
 */
@Component
public class QualityCheck {

    static final int MAX_NOTE_LENGTH = 4000;

    private static final List<String> METHODS = List.of("EMAIL", "PHONE", "TEXT", "MAIL", "IN_PERSON");

    /** The fields of a send request that give each element, for the 409 body and the form. */
    public static final Map<String, List<String>> FIELDS = Map.of(
            "need", List.of("needCode"),
            "contact", List.of("contactId", "contactMethod"),
            "consent", List.of("consentGiven"),
            "namedReceiver", List.of("receivingOfficeId", "receivingUserId"),
            "handOffNote", List.of("handOffNote"),
            "firstContactDate", List.of("expectedFirstContactDate"));

    private final JdbcClient jdbc;

    QualityCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A business contact as the profile records it. */
    public record KnownContact(long id, String name, String email, String phone, String preferredMethod) {
    }

    /** The elements of a referral after the check, with defaults filled in. */
    record Elements(String needCode, KnownContact contact, String contactMethod, boolean consentGiven,
                    long receivingOfficeId, Long receivingUserId, String handOffNote, LocalDate firstContactDate) {

        String contactDetail() {
            if (contact == null || contactMethod == null) {
                return null;
            }
            return switch (contactMethod) {
                case "EMAIL" -> contact.email();
                case "PHONE", "TEXT" -> contact.phone();
                default -> null;
            };
        }
    }

    /** Lists the business's contacts, the first one with a preferred method first. */
    public List<KnownContact> contactsOf(long businessId) {
        return jdbc.sql("""
                        SELECT id, name, email, phones[1] AS phone, preferred_method FROM business_contact
                        WHERE business_id = :business ORDER BY preferred_method IS NULL, id""")
                .param("business", businessId)
                .query(KnownContact.class)
                .list();
    }

    /** An office or a staff member that a sender may name as the receiver. */
    public record Choice(long id, String name) {
    }

    public List<Choice> officesOf(long partnerId) {
        return jdbc.sql("SELECT id, name FROM office WHERE partner_id = :partner ORDER BY name, id")
                .param("partner", partnerId)
                .query(Choice.class)
                .list();
    }

    public List<Choice> staffOf(long partnerId) {
        return jdbc.sql("""
                        SELECT id, display_name AS name FROM app_user WHERE partner_id = :partner AND enabled
                        ORDER BY display_name, id""")
                .param("partner", partnerId)
                .query(Choice.class)
                .list();
    }

    Elements check(SendRequest request, ServiceSummary service, QualityStandard standard) {
        List<FieldProblem> problems = new ArrayList<>();
        List<String> missing = new ArrayList<>();

        String needCode = need(request, service, problems);
        if (request.needCode() == null && standard.need()) {
            missing.add("need");
        }

        KnownContact contact = contact(request, problems);
        String method = method(request, contact, problems);
        if (standard.contact() && (contact == null || method == null)) {
            missing.add("contact");
        }

        boolean consent = Boolean.TRUE.equals(request.consentGiven());
        if (standard.consent() && !consent) {
            missing.add("consent");
        }

        long officeId = office(request, service, problems);
        Long userId = receivingUser(request, service, problems);
        if (standard.namedReceiver() && request.receivingOfficeId() == null && userId == null) {
            missing.add("namedReceiver");
        }

        String note = blankToNull(request.handOffNote());
        if (note != null && note.length() > MAX_NOTE_LENGTH) {
            problems.add(new FieldProblem("handOffNote", "The hand-off note has " + note.length()
                    + " characters. Shorten it to at most " + MAX_NOTE_LENGTH + "."));
        }
        if (standard.handOffNote() && note == null) {
            missing.add("handOffNote");
        }

        LocalDate date = request.expectedFirstContactDate();
        LocalDate today = LocalDate.now(ZoneId.of(service.officeTimeZone()));
        if (date != null && (date.isBefore(today) || date.isAfter(today.plusYears(1)))) {
            problems.add(new FieldProblem("expectedFirstContactDate", "Expected first-contact date " + date
                    + " is invalid. Give a date from " + today + " (today at the receiving office) to "
                    + today.plusYears(1) + "."));
        }
        if (standard.firstContactDate() && date == null) {
            missing.add("firstContactDate");
        }

        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!missing.isEmpty()) {
            throw incomplete(missing);
        }
        return new Elements(needCode, contact, method, consent, officeId, userId, note, date);
    }

    private static ReferralRejectedException incomplete(List<String> missing) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (String element : missing) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("element", element);
            entry.put("label", QualityStandard.label(element));
            entry.put("fields", FIELDS.get(element));
            list.add(entry);
        }
        return new ReferralRejectedException("incomplete", "The referral lacks " + missing.size()
                + (missing.size() == 1 ? " element" : " elements") + " that the area's quality standard requires: "
                + String.join("; ", missing.stream().map(QualityStandard::label).toList())
                + ". Add them and send again.", Map.of("missing", list));
    }

    private static String need(SendRequest request, ServiceSummary service, List<FieldProblem> problems) {
        if (request.needCode() == null || request.needCode().isBlank()) {
            return FactCatalog.NEEDS.stream()
                    .filter(need -> need.categoryCodes().contains(service.categoryCode()))
                    .map(FactCatalog.Need::code)
                    .findFirst()
                    .orElse("OTHER");
        }
        String code = request.needCode().strip();
        Optional<FactCatalog.Need> need = FactCatalog.need(code);
        if (need.isEmpty()) {
            problems.add(new FieldProblem("needCode", "Need '" + code + "' is unknown. Use one of "
                    + String.join(", ", FactCatalog.NEEDS.stream().map(FactCatalog.Need::code).toList()) + "."));
        } else if (!need.get().categoryCodes().contains(service.categoryCode())) {
            problems.add(new FieldProblem("needCode", "Need '" + code + "' is not met by " + service.name()
                    + ", whose category is " + service.categoryName() + ". Choose a need that this category meets."));
        }
        return code;
    }

    private KnownContact contact(SendRequest request, List<FieldProblem> problems) {
        List<KnownContact> contacts = contactsOf(request.businessId());
        if (request.contactId() == null) {
            return contacts.size() == 1 ? contacts.get(0) : null;
        }
        Optional<KnownContact> found = contacts.stream().filter(c -> c.id() == request.contactId()).findFirst();
        if (found.isEmpty()) {
            problems.add(new FieldProblem("contactId", "Contact " + request.contactId()
                    + " is not a contact of business " + request.businessId() + ". Choose one of its contacts."));
        }
        return found.orElse(null);
    }

    private static String method(SendRequest request, KnownContact contact, List<FieldProblem> problems) {
        if (request.contactMethod() == null || request.contactMethod().isBlank()) {
            return contact == null ? null : contact.preferredMethod();
        }
        String method = request.contactMethod().strip().toUpperCase(java.util.Locale.ROOT);
        if (!METHODS.contains(method)) {
            problems.add(new FieldProblem("contactMethod", "Contact method '" + request.contactMethod()
                    + "' is unknown. Use one of " + String.join(", ", METHODS) + "."));
            return null;
        }
        return method;
    }

    private long office(SendRequest request, ServiceSummary service, List<FieldProblem> problems) {
        if (request.receivingOfficeId() == null) {
            return service.officeId();
        }
        boolean ofPartner = jdbc.sql("SELECT count(*) FROM office WHERE id = :id AND partner_id = :partner")
                .param("id", request.receivingOfficeId())
                .param("partner", service.partnerId())
                .query(Long.class).single() == 1;
        if (!ofPartner) {
            problems.add(new FieldProblem("receivingOfficeId", "Office " + request.receivingOfficeId()
                    + " is not an office of " + service.partnerName() + ". Choose one of its offices."));
        }
        return request.receivingOfficeId();
    }

    private Long receivingUser(SendRequest request, ServiceSummary service, List<FieldProblem> problems) {
        if (request.receivingUserId() == null) {
            return null;
        }
        boolean ofPartner = jdbc.sql("""
                        SELECT count(*) FROM app_user WHERE id = :id AND partner_id = :partner AND enabled""")
                .param("id", request.receivingUserId())
                .param("partner", service.partnerId())
                .query(Long.class).single() == 1;
        if (!ofPartner) {
            problems.add(new FieldProblem("receivingUserId", "User " + request.receivingUserId()
                    + " is not an enabled staff member of " + service.partnerName() + ". Choose one of its staff."));
        }
        return request.receivingUserId();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
