package org.onedoor.web.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.onedoor.directory.Directory;
import org.onedoor.directory.OfficeSummary;
import org.onedoor.directory.PartnerSummary;
import org.onedoor.identity.CurrentUser;
import org.onedoor.identity.NewUserAccount;
import org.onedoor.identity.Role;
import org.onedoor.identity.UserAccount;
import org.onedoor.identity.UserAccountException;
import org.onedoor.identity.UserAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administration home and staff accounts. Administrators open accounts for any partner; partner
 * administrators open staff and partner administrator accounts for their own partner only.
 */
@Controller
class UserAdminController {

    private static final Logger log = LoggerFactory.getLogger(UserAdminController.class);

    private final UserAccounts accounts;
    private final Directory directory;

    UserAdminController(UserAccounts accounts, Directory directory) {
        this.accounts = accounts;
        this.directory = directory;
    }

    @GetMapping("/admin")
    String overview(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("partner", user.partnerId() == null ? null : directory.findPartner(user.partnerId()).orElse(null));
        return "admin/overview";
    }

    @GetMapping("/admin/users")
    String users(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("form", NewAccountForm.empty(user));
        return showUsers(user, model, Map.of());
    }

    @PostMapping("/admin/users")
    String openAccount(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("form") NewAccountForm form,
                       Model model, RedirectAttributes redirect) {
        UserAccount opened;
        try {
            Role role = parseRole(form.role());
            if (!user.isAdministrator() && role == Role.ADMINISTRATOR) {
                throw new AccessDeniedException("Partner administrators cannot open administrator accounts");
            }
            Long partnerId = role == Role.ADMINISTRATOR ? null : (user.isAdministrator() ? form.partnerId() : user.partnerId());
            opened = accounts.open(new NewUserAccount(form.email(), form.displayName(), role, partnerId, form.password(),
                    form.officeId()));
        } catch (UserAccountException e) {
            log.info("Rejected a new account from user {}: {}", user.id(), e.getMessage());
            return showUsers(user, model, Map.of(e.field(), e.getMessage()));
        }

        redirect.addFlashAttribute("success", "Opened an account for " + opened.displayName() + " ("
                + opened.email() + ") with the role " + opened.role().label().toLowerCase(Locale.ROOT) + ".");
        return "redirect:/admin/users";
    }

    /** Sets the office a staff member works from; their times are shown in its zone. */
    @PostMapping("/admin/users/office")
    String changeOffice(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long userId,
                        @RequestParam(required = false) Long officeId, Model model, RedirectAttributes redirect) {
        UserAccount account;
        try {
            if (userId == null) {
                throw new UserAccountException("userId", "Staff member is missing. Choose a person from the list.");
            }
            account = accounts.find(userId)
                    .filter(found -> user.isAdministrator() || (found.partnerId() != null && found.partnerId().equals(user.partnerId())))
                    .orElseThrow(() -> new UserAccountException("userId", "User " + userId + " was not found among "
                            + "the accounts you administer. Choose a person from the list."));
            accounts.changeOffice(account.id(), officeId);
        } catch (UserAccountException e) {
            log.info("Rejected an office change from user {}: {}", user.id(), e.getMessage());
            model.addAttribute("form", NewAccountForm.empty(user));
            model.addAttribute("officeErrors", Map.of(e.field(), e.getMessage()));
            return showUsers(user, model, Map.of());
        }

        String office = officeId == null ? "no office" : directory.findOffice(officeId).map(OfficeSummary::name).orElse("office " + officeId);
        redirect.addFlashAttribute("success", "Set the office of " + account.displayName() + " to " + office + ".");
        return "redirect:/admin/users";
    }

    private String showUsers(CurrentUser user, Model model, Map<String, String> errors) {
        Long scope = user.isAdministrator() ? null : user.partnerId();
        Map<Long, String> partnerNames = new LinkedHashMap<>();
        for (PartnerSummary partner : directory.partners()) {
            partnerNames.put(partner.id(), partner.name());
        }
        List<Role> roles = new ArrayList<>(List.of(Role.STAFF, Role.PARTNER_ADMINISTRATOR));
        if (user.isAdministrator()) {
            roles.add(Role.ADMINISTRATOR);
        }

        Map<Long, String> officeNames = new LinkedHashMap<>();
        for (OfficeSummary office : directory.offices(scope)) {
            officeNames.put(office.id(), office.partnerName() + ": " + office.name());
        }

        model.addAttribute("accounts", accounts.list(scope));
        model.addAttribute("officeNames", officeNames);
        if (!model.containsAttribute("officeErrors")) {
            model.addAttribute("officeErrors", Map.of());
        }
        model.addAttribute("partnerNames", partnerNames);
        model.addAttribute("roles", roles);
        model.addAttribute("errors", errors);
        return "admin/users";
    }

    private static Role parseRole(String role) {
        try {
            return Role.valueOf(role);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new UserAccountException("role", "Role '" + role + "' is invalid. Choose staff, partner administrator or administrator.");
        }
    }

    /** The new account form; the password is never sent back to the page. */
    record NewAccountForm(String email, String displayName, String role, Long partnerId, String password,
                          Long officeId) {

        static NewAccountForm empty(CurrentUser user) {
            return new NewAccountForm("", "", Role.STAFF.name(), user.partnerId(), "", null);
        }
    }
}
