package org.onedoor.publicdirectory.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.onedoor.identity.CurrentUser;
import org.onedoor.publicdirectory.internal.ContactRequest;
import org.onedoor.publicdirectory.internal.ContactRequestService;
import org.onedoor.publicdirectory.internal.ContactRequestService.Handled;
import org.onedoor.shared.PageRequest;
import org.onedoor.shared.ResultPage;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The staff inbox of contact requests from the public directory: the requests of the reader's workforce area,
 * newest first, each with a link to its business and an action to mark it handled.
 */
@Controller
class ContactRequestInboxController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm a z", Locale.US);

    private final ContactRequestService requests;

    ContactRequestInboxController(ContactRequestService requests) {
        this.requests = requests;
    }

    @GetMapping("/contact-requests")
    String inbox(@RequestParam(name = "show", required = false) String show,
                 @RequestParam(name = "page", required = false) Integer page,
                 @AuthenticationPrincipal CurrentUser user, Model model) {
        boolean openOnly = !"all".equals(show);
        ResultPage<ContactRequest> results = requests.inbox(user, openOnly, PageRequest.of(page, null));

        model.addAttribute("results", results);
        model.addAttribute("openOnly", openOnly);
        model.addAttribute("times", new Times());
        model.addAttribute("previousUrl", results.hasPrevious() ? pageUrl(results.page() - 1) : null);
        model.addAttribute("nextUrl", results.hasNext() ? pageUrl(results.page() + 1) : null);
        return "publicdirectory/inbox";
    }

    @PostMapping("/contact-requests/{id}/handled")
    String markHandled(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        Handled handled = requests.markHandled(id, user);

        ContactRequest request = handled.request();
        redirect.addFlashAttribute("pageAlert", handled.changed()
                ? "Marked the request from " + request.businessName() + " as handled."
                : "The request from " + request.businessName() + " was already handled.");
        return "redirect:/contact-requests";
    }

    /** Formats request times for the inbox. */
    // NOTE: times show in the server's zone, as on the business pages, because staff accounts have no zone yet.
    public static final class Times {

        public String format(Instant instant) {
            return instant == null ? "" : TIME.format(instant.atZone(ZoneId.systemDefault()));
        }
    }

    private static String pageUrl(int page) {
        return ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page).build().toUriString();
    }
}
