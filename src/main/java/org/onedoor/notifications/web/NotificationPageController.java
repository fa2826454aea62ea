package org.onedoor.notifications.web;

import org.onedoor.identity.CurrentUser;
import org.onedoor.notifications.internal.Inbox;
import org.onedoor.notifications.internal.Inbox.Notification;
import org.onedoor.shared.NotFoundException;
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

/** The signed-in user's notifications page, where they open notifications and mark them read. */
@Controller
class NotificationPageController {

    private final Inbox inbox;

    NotificationPageController(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/notifications")
    String notifications(@AuthenticationPrincipal CurrentUser user,
                         @RequestParam(name = "page", required = false) Integer page, Model model) {
        ResultPage<Notification> results = inbox.list(user.id(), PageRequest.of(page, null));

        ServletUriComponentsBuilder current = ServletUriComponentsBuilder.fromCurrentRequest();
        model.addAttribute("results", results);
        model.addAttribute("previousUrl", results.hasPrevious()
                ? current.cloneBuilder().replaceQueryParam("page", results.page() - 1).build().toUriString() : null);
        model.addAttribute("nextUrl", results.hasNext()
                ? current.cloneBuilder().replaceQueryParam("page", results.page() + 1).build().toUriString() : null);
        return "notifications/list";
    }

    @PostMapping("/notifications/{id}/read")
    String markRead(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        if (!inbox.markRead(user.id(), id)) {
            throw NotFoundException.of("Notification", id);
        }

        redirect.addFlashAttribute("notice", "Marked the notification as read.");
        return "redirect:/notifications";
    }

    @PostMapping("/notifications/read-all")
    String markAllRead(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        int marked = inbox.markAllRead(user.id());

        redirect.addFlashAttribute("notice", marked == 1
                ? "Marked 1 notification as read." : "Marked " + marked + " notifications as read.");
        return "redirect:/notifications";
    }
}
