package org.onedoor.web;

import org.onedoor.identity.CurrentUser;
import org.onedoor.publicdirectory.ContactRequests;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

import jakarta.servlet.http.HttpServletRequest;

/** The staff home page, the sign-in page and the page shown when access is denied. */
@Controller
class HomeController {

    private final ContactRequests contactRequests;

    HomeController(ContactRequests contactRequests) {
        this.contactRequests = contactRequests;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("newContactRequests", contactRequests.countNew(user));
        return "home";
    }

    @GetMapping("/sign-in")
    String signIn() {
        return "sign-in";
    }

    /** Explains a 403 on a page; Spring Security forwards here with the reason as a request attribute. */
    @RequestMapping("/access-denied")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String accessDenied(HttpServletRequest request, Model model) {
        Object reason = request.getAttribute(WebAttributes.ACCESS_DENIED_403);
        String message = reason instanceof CsrfException
                ? "The form was out of date or your session ended, so it was not sent. Go back, reload the page and try again."
                : "Your account may not open this page. Administration is for administrators and partner administrators, "
                        + "and a partner's directory entries are edited by that partner's administrators. "
                        + "Ask an administrator of your partner if you need access.";

        model.addAttribute("status", HttpStatus.FORBIDDEN.value());
        model.addAttribute("error", HttpStatus.FORBIDDEN.getReasonPhrase());
        model.addAttribute("message", message);
        return "error";
    }
}
