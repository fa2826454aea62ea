package org.onedoor.engagement.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.onedoor.businesses.BusinessProfile;
import org.onedoor.businesses.BusinessSearch;
import org.onedoor.engagement.AccountManager;
import org.onedoor.engagement.ContactEntry;
import org.onedoor.engagement.ContactKind;
import org.onedoor.engagement.ContactOutcome;
import org.onedoor.engagement.ContactPurpose;
import org.onedoor.engagement.ContactRoute;
import org.onedoor.engagement.ContactStatus;
import org.onedoor.engagement.CoordinationCheck;
import org.onedoor.engagement.CoordinationConflictException;
import org.onedoor.engagement.NewContact;
import org.onedoor.engagement.internal.AccountManagers;
import org.onedoor.engagement.internal.AccountManagers.Assignment;
import org.onedoor.engagement.internal.AccountTeams;
import org.onedoor.engagement.internal.ConciergeChoices;
import org.onedoor.engagement.internal.ContactLog;
import org.onedoor.engagement.internal.ContactOffers;
import org.onedoor.engagement.internal.Contacts;
import org.onedoor.engagement.internal.Coordination;
import org.onedoor.identity.CurrentUser;
import org.onedoor.identity.UserAccount;
import org.onedoor.identity.UserAccounts;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The engagement panel of the business page, the form to log or plan a contact with its coordination check, and
 * the account manager page with the concierge choice. The JSON API is in ContactApiController and
 * EngagementApiController.
 */
@Controller
class EngagementPageController {

    static final int PANEL_CONTACTS = 10;

    private final BusinessSearch businesses;
    private final AccountManagers accountManagers;
    private final AccountTeams teams;
    private final ConciergeChoices concierge;
    private final ContactLog contactLog;
    private final Contacts contacts;
    private final Coordination coordination;
    private final UserAccounts accounts;

    private final ContactOffers contactOffers;

    EngagementPageController(BusinessSearch businesses, AccountManagers accountManagers, AccountTeams teams,
                             ConciergeChoices concierge, ContactLog contactLog, Contacts contacts,
                             Coordination coordination, UserAccounts accounts, ContactOffers contactOffers) {
        this.contactOffers = contactOffers;
        this.businesses = businesses;
        this.accountManagers = accountManagers;
        this.teams = teams;
        this.concierge = concierge;
        this.contactLog = contactLog;
        this.contacts = contacts;
        this.coordination = coordination;
        this.accounts = accounts;
    }

    /** The form fields of a contact, as entered. */
    record ContactForm(String kind, String purpose, String status, String date, String time, String summary,
                       String contactPersonId, String partnerNote, String overrideReason) {

        static ContactForm empty() {
            return new ContactForm("VISIT", "SALES_VISIT", "PLANNED", "", "", "", "", "", "");
        }
    }

    @GetMapping("/businesses/{id}/engagement/panel")
    String panel(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        contacts.exists(id);
        model.addAttribute("businessId", id);
        model.addAttribute("manager", accountManagers.active(id).orElse(null));
        model.addAttribute("concierge", concierge.find(id).orElse(null));
        List<ContactEntry> latest = contactLog.forBusiness(id, user, PANEL_CONTACTS);
        model.addAttribute("contacts", latest);
        model.addAttribute("endings", contactOffers.endings(latest));
        model.addAttribute("mayChangeManager", mayChangeManager(id, user));
        model.addAttribute("readerPartnerId", user.partnerId());
        return "engagement/_panel :: panel";
    }

    @GetMapping("/businesses/{id}/contacts/new")
    String contactForm(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        return showContactForm(id, user, ContactForm.empty(), Map.of(), coordination.check(id, user, null), null, model);
    }

    @PostMapping("/businesses/{id}/contacts/new")
    String recordContact(@PathVariable long id, ContactForm form, @AuthenticationPrincipal CurrentUser user,
                         Model model, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        ContactKind kind = parse(ContactKind.class, form.kind(), "kind", errors);
        ContactPurpose purpose = parse(ContactPurpose.class, form.purpose(), "purpose", errors);
        ContactStatus status = parse(ContactStatus.class, form.status(), "status", errors);
        Long contactPersonId = null;
        if (form.contactPersonId() != null && !form.contactPersonId().isBlank()) {
            try {
                contactPersonId = Long.valueOf(form.contactPersonId().strip());
            } catch (NumberFormatException e) {
                errors.put("contactPersonId", "Contact person '" + form.contactPersonId() + "' is invalid. Choose one "
                        + "from the list.");
            }
        }
        String occurredAt = blank(form.date()) ? null
                : form.date().strip() + "T" + (blank(form.time()) ? "09:00" : form.time().strip());
        if (!errors.isEmpty()) {
            return showContactForm(id, user, form, errors, coordination.check(id, user, null), null, model);
        }

        try {
            ContactOutcome outcome = contacts.record(id, new NewContact(kind, purpose, status, form.summary(),
                    contactPersonId, occurredAt, form.partnerNote(), form.overrideReason(), true), user);
            if (outcome instanceof ContactOutcome.RoutedToAccountManager routed) {
                AccountManager manager = routed.check().accountManager().orElseThrow();
                redirect.addFlashAttribute("pageAlert", "Other partners contacted this business recently, so your plan "
                        + "went to its account manager, " + manager.displayName() + ", as a request. You will be "
                        + "notified when they accept, combine or decline it.");
            } else if (outcome instanceof ContactOutcome.Recorded recorded
                    && recorded.contact().status() == ContactStatus.DONE) {
                // Every done contact ends with an offer or a reason for none, recorded on the needs page.
                redirect.addFlashAttribute("notice", "The contact is recorded. Now offer a service for a need, or "
                        + "record why no offer was made.");
                return "redirect:/businesses/" + id + "/needs?contact=" + recorded.contact().id();
            } else {
                redirect.addFlashAttribute("pageAlert", "The planned contact is recorded.");
            }
            return "redirect:/businesses/" + id + "#engagement";
        } catch (CoordinationConflictException conflict) {
            errors.put("overrideReason", conflict.getMessage());
            return showContactForm(id, user, form, errors, conflict.check(), conflict.getMessage(), model);
        } catch (InvalidInputException invalid) {
            invalid.problems().forEach(problem -> errors.put(formField(problem.field()), problem.message()));
            return showContactForm(id, user, form, errors, coordination.check(id, user, null), null, model);
        }
    }

    private String showContactForm(long id, CurrentUser user, ContactForm form, Map<String, String> errors,
                                   CoordinationCheck check, String conflict, Model model) {
        BusinessProfile business = businesses.findProfile(id).orElseThrow(() -> NotFoundException.of("Business", id));
        model.addAttribute("business", business);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("check", check);
        model.addAttribute("conflict", conflict);
        model.addAttribute("kinds", ContactKind.values());
        model.addAttribute("purposes", ContactPurpose.values());
        model.addAttribute("statuses", List.of(ContactStatus.DONE, ContactStatus.PLANNED));
        return "engagement/contact-form";
    }

    @PostMapping("/businesses/{id}/contacts/{contactId}/status")
    String changeStatus(@PathVariable long id, @PathVariable long contactId,
                        @RequestParam(name = "status", required = false) String status,
                        @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        ContactStatus parsed = parse(ContactStatus.class, status, "status", new LinkedHashMap<>());
        contacts.changeStatus(id, contactId, parsed, user);
        redirect.addFlashAttribute("pageAlert", "The planned contact is marked "
                + parsed.label().toLowerCase(java.util.Locale.ROOT) + ".");
        return "redirect:/businesses/" + id + "#engagement";
    }

    @GetMapping("/businesses/{id}/account-manager")
    String accountManagerPage(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        return showAccountManager(id, user, Map.of(), model);
    }

    @PostMapping("/businesses/{id}/account-manager")
    String assign(@PathVariable long id, @RequestParam(name = "manager", required = false) String manager,
                  @RequestParam(name = "reason", required = false) String reason,
                  @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        Long userId = manager != null && manager.startsWith("user-") ? id(manager.substring(5)) : null;
        Long teamId = manager != null && manager.startsWith("team-") ? id(manager.substring(5)) : null;
        boolean handOver = accountManagers.active(id).isPresent();
        try {
            AccountManager assigned = accountManagers.assign(id, new Assignment(userId, teamId, reason, handOver), user);
            redirect.addFlashAttribute("pageAlert", assigned.displayName() + " is now the account manager.");
            return "redirect:/businesses/" + id + "#engagement";
        } catch (InvalidInputException invalid) {
            Map<String, String> errors = new LinkedHashMap<>();
            invalid.problems().forEach(problem -> errors.put(
                    problem.field().equals("reason") ? "reason" : "manager", problem.message()));
            return showAccountManager(id, user, errors, model);
        }
    }

    @PostMapping("/businesses/{id}/concierge")
    String recordConcierge(@PathVariable long id, @RequestParam(name = "choice", required = false) String choice,
                           @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        if (choice == null || choice.isBlank()) {
            return showAccountManager(id, user, Map.of("choice", "Choice is missing. Choose what the business wants."),
                    model);
        }
        boolean choosesConcierge = !choice.equals("NONE");
        ContactRoute route = choosesConcierge ? parse(ContactRoute.class, choice, "choice", new LinkedHashMap<>()) : null;
        concierge.record(id, choosesConcierge, route, user);
        redirect.addFlashAttribute("pageAlert", "The business's concierge choice is recorded.");
        return "redirect:/businesses/" + id + "/account-manager";
    }

    private String showAccountManager(long id, CurrentUser user, Map<String, String> errors, Model model) {
        BusinessProfile business = businesses.findProfile(id).orElseThrow(() -> NotFoundException.of("Business", id));
        List<AccountManager> history = accountManagers.history(id);
        model.addAttribute("business", business);
        model.addAttribute("manager", history.stream().filter(a -> a.endedAt() == null).findFirst().orElse(null));
        model.addAttribute("history", history);
        model.addAttribute("concierge", concierge.find(id).orElse(null));
        model.addAttribute("routes", ContactRoute.values());
        model.addAttribute("mayChangeManager", mayChangeManager(id, user));
        Long partner = user.isAdministrator() ? null : user.partnerId();
        model.addAttribute("candidates", accounts.list(partner).stream()
                .filter(UserAccount::enabled)
                .filter(account -> account.partnerId() != null)
                .toList());
        model.addAttribute("teams", teams.list(partner));
        model.addAttribute("errors", errors);
        return "engagement/account-manager";
    }

    /** Returns true when the user may assign or hand over: see {@link AccountManagers#assign}. */
    private boolean mayChangeManager(long businessId, CurrentUser user) {
        return accountManagers.active(businessId)
                .map(active -> user.canAdministerPartner(active.partnerId()) || active.mayHandOver(user.id()))
                .orElse(user.isAdministrator() || user.role() == org.onedoor.identity.Role.PARTNER_ADMINISTRATOR);
    }

    private static String formField(String apiField) {
        return switch (apiField) {
            case "occurredAt" -> "date";
            default -> apiField;
        };
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, Map<String, String> errors) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            errors.put(field, "Choose a " + field + " from the list.");
            return null;
        }
    }

    private static Long id(String text) {
        try {
            return Long.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
