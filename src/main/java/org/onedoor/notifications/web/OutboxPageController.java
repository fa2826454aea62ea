package org.onedoor.notifications.web;

import org.onedoor.notifications.internal.MailOutbox;
import org.onedoor.notifications.internal.MailSettings;
import org.onedoor.notifications.internal.OutboxMail;
import org.onedoor.shared.PageRequest;
import org.onedoor.shared.ResultPage;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The mail outbox for administrators: every mail OneDoor wrote, newest first, with its delivery state. Without
 * an SMTP server this page is where the mail can be read at all.
 */
@Controller
@PreAuthorize("hasRole('ADMINISTRATOR')")
class OutboxPageController {

    private final MailOutbox outbox;
    private final MailSettings settings;

    OutboxPageController(MailOutbox outbox, MailSettings settings) {
        this.outbox = outbox;
        this.settings = settings;
    }

    @GetMapping("/admin/outbox")
    String outbox(@RequestParam(name = "page", required = false) Integer page, Model model) {
        ResultPage<OutboxMail> results = outbox.list(PageRequest.of(page, null));

        ServletUriComponentsBuilder current = ServletUriComponentsBuilder.fromCurrentRequest();
        model.addAttribute("results", results);
        model.addAttribute("pendingCount", outbox.pendingCount());
        model.addAttribute("smtpConfigured", settings.smtpConfigured());
        model.addAttribute("smtpServer", settings.smtpHost() + ":" + settings.smtpPort());
        model.addAttribute("previousUrl", results.hasPrevious()
                ? current.cloneBuilder().replaceQueryParam("page", results.page() - 1).build().toUriString() : null);
        model.addAttribute("nextUrl", results.hasNext()
                ? current.cloneBuilder().replaceQueryParam("page", results.page() + 1).build().toUriString() : null);
        return "notifications/outbox";
    }
}
