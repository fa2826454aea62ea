package org.onedoor.web.admin;

import java.util.Map;

import org.onedoor.identity.CurrentUser;
import org.onedoor.identity.UserAccountException;
import org.onedoor.identity.UserAccounts;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Lets every signed-in user change their own password. */
@Controller
class AccountController {

    private final UserAccounts accounts;

    AccountController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/account/password")
    String passwordForm(Model model) {
        model.addAttribute("errors", Map.of());
        return "account/password";
    }

    @PostMapping("/account/password")
    String changePassword(@AuthenticationPrincipal CurrentUser user,
                          @RequestParam String currentPassword,
                          @RequestParam String newPassword,
                          @RequestParam String confirmPassword,
                          Model model, RedirectAttributes redirect) {
        if (!accounts.passwordMatches(user.id(), currentPassword)) {
            return passwordErrors(model, "currentPassword", "Current password is not correct. Enter the password you signed in with.");
        }
        if (!newPassword.equals(confirmPassword)) {
            return passwordErrors(model, "confirmPassword", "The two new passwords differ. Type the same new password in both fields.");
        }
        try {
            accounts.changePassword(user.id(), newPassword);
        } catch (UserAccountException e) {
            return passwordErrors(model, "newPassword", e.getMessage());
        }

        redirect.addFlashAttribute("success", "Your password was changed.");
        return "redirect:/account/password";
    }

    private static String passwordErrors(Model model, String field, String message) {
        model.addAttribute("errors", Map.of(field, message));
        return "account/password";
    }
}
