package org.onedoor.webhooks.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.onedoor.directory.Directory;
import org.onedoor.identity.CurrentUser;
import org.onedoor.shared.ConflictException;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.NotFoundException;
import org.onedoor.shared.PageRequest;
import org.onedoor.shared.ResultPage;
import org.onedoor.webhooks.internal.Delivery;
import org.onedoor.webhooks.internal.DeliveryLog;
import org.onedoor.webhooks.internal.RegisteredWebhook;
import org.onedoor.webhooks.internal.Webhook;
import org.onedoor.webhooks.internal.WebhookActor;
import org.onedoor.webhooks.internal.WebhookEventType;
import org.onedoor.webhooks.internal.WebhookInput;
import org.onedoor.webhooks.internal.WebhookRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Webhook pages for administrators: the list with the registration form, and one webhook with its settings,
 * secret rotation and delivery log. A new secret is shown once, in the response to the form that created it, and
 * never put into a redirect or the session.
 */
@Controller
class WebhookPageController {

    private static final Logger log = LoggerFactory.getLogger(WebhookPageController.class);

    private final WebhookRegistry registry;
    private final DeliveryLog deliveries;
    private final Directory directory;

    WebhookPageController(WebhookRegistry registry, DeliveryLog deliveries, Directory directory) {
        this.registry = registry;
        this.deliveries = deliveries;
        this.directory = directory;
    }

    @GetMapping("/admin/webhooks")
    String list(@AuthenticationPrincipal CurrentUser user,
                @RequestParam(name = "partner", required = false) Long partnerId, Model model) {
        return showList(user, scope(user, partnerId), model, new FormValues("", List.of(), true), Map.of());
    }

    @PostMapping("/admin/webhooks")
    String register(@AuthenticationPrincipal CurrentUser user, @RequestParam(name = "partner") long partnerId,
                    @RequestParam(name = "url", required = false) String url,
                    @RequestParam(name = "eventTypes", required = false) List<String> eventTypes,
                    @RequestParam(name = "active", defaultValue = "false") boolean active,
                    Model model, HttpServletResponse response) {
        Long partner = scope(user, partnerId);
        List<String> chosen = eventTypes == null ? List.of() : eventTypes;
        try {
            RegisteredWebhook registered = registry.register(WebhookActor.of(user), partner,
                    new WebhookInput(url, chosen, active));
            model.addAttribute("issuedSecret", registered.secret());
            model.addAttribute("success", "Registered the webhook. Copy its signing secret now.");
            return showDetail(user, registered.webhook(), 0, model, FormValues.of(registered.webhook()), Map.of());
        } catch (InvalidInputException e) {
            log.info("Rejected a new webhook for partner {}: {}", partner, e.getMessage());
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return showList(user, partner, model, new FormValues(url, chosen, active), errors(e));
        }
    }

    @GetMapping("/admin/webhooks/{id}")
    String detail(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                  @RequestParam(name = "page", required = false) Integer page, Model model) {
        Webhook webhook = registry.find(WebhookActor.of(user), id);
        return showDetail(user, webhook, page == null ? 0 : page, model, FormValues.of(webhook), Map.of());
    }

    @PostMapping("/admin/webhooks/{id}")
    String update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                  @RequestParam(name = "url", required = false) String url,
                  @RequestParam(name = "eventTypes", required = false) List<String> eventTypes,
                  @RequestParam(name = "active", defaultValue = "false") boolean active,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) {
        WebhookActor actor = WebhookActor.of(user);
        List<String> chosen = eventTypes == null ? List.of() : eventTypes;
        try {
            registry.update(actor, id, new WebhookInput(url, chosen, active));
            redirect.addFlashAttribute("success", "Saved the webhook.");
            return "redirect:/admin/webhooks/" + id;
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return showDetail(user, registry.find(actor, id), 0, model, new FormValues(url, chosen, active), errors(e));
        }
    }

    @PostMapping("/admin/webhooks/{id}/secret")
    String rotateSecret(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        RegisteredWebhook rotated = registry.rotateSecret(WebhookActor.of(user), id);
        model.addAttribute("issuedSecret", rotated.secret());
        model.addAttribute("success", "Rotated the signing secret. The old secret no longer signs deliveries.");
        return showDetail(user, rotated.webhook(), 0, model, FormValues.of(rotated.webhook()), Map.of());
    }

    @PostMapping("/admin/webhooks/{id}/delete")
    String delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        Webhook deleted = registry.delete(WebhookActor.of(user), id);
        redirect.addFlashAttribute("success", "Deleted the webhook for " + deleted.url() + " and its delivery log.");
        return "redirect:/admin/webhooks?partner=" + deleted.partnerId();
    }

    @PostMapping("/admin/webhooks/{id}/deliveries/{deliveryId}/resend")
    String resend(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long deliveryId,
                  RedirectAttributes redirect) {
        try {
            deliveries.resend(WebhookActor.of(user), id, deliveryId);
            redirect.addFlashAttribute("success", "Queued delivery " + deliveryId + " to be sent again. The attempt "
                    + "appears in the log below.");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/admin/webhooks/" + id;
    }

    /** Returns the partner whose webhooks the page shows: the user's own, or for administrators the one chosen. */
    private Long scope(CurrentUser user, Long requested) {
        if (!user.isAdministrator()) {
            return user.partnerId();
        }
        if (requested == null) {
            return null;
        }
        directory.findPartner(requested).orElseThrow(() -> NotFoundException.of("Partner", requested));
        return requested;
    }

    private String showList(CurrentUser user, Long partnerId, Model model, FormValues form,
                            Map<String, String> errors) {
        model.addAttribute("partners", user.isAdministrator() ? directory.partners() : List.of());
        model.addAttribute("partner", partnerId == null ? null : directory.findPartner(partnerId).orElseThrow());
        model.addAttribute("webhooks", registry.list(WebhookActor.of(user), partnerId));
        addForm(model, form, errors);
        return "webhooks/list";
    }

    private String showDetail(CurrentUser user, Webhook webhook, int page, Model model, FormValues form,
                              Map<String, String> errors) {
        ResultPage<Delivery> results = deliveries.list(WebhookActor.of(user), webhook.id(), PageRequest.of(page, 10));
        UriComponentsBuilder base = UriComponentsBuilder.fromPath("/admin/webhooks/" + webhook.id());
        model.addAttribute("webhook", webhook);
        model.addAttribute("results", results);
        model.addAttribute("previousUrl", results.hasPrevious()
                ? base.cloneBuilder().queryParam("page", results.page() - 1).toUriString() : null);
        model.addAttribute("nextUrl", results.hasNext()
                ? base.cloneBuilder().queryParam("page", results.page() + 1).toUriString() : null);
        addForm(model, form, errors);
        return "webhooks/detail";
    }

    private static void addForm(Model model, FormValues form, Map<String, String> errors) {
        model.addAttribute("eventTypeOptions", Arrays.asList(WebhookEventType.values()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
    }

    private static Map<String, String> errors(InvalidInputException exception) {
        return exception.problems().stream().collect(Collectors.toMap(InvalidInputException.FieldProblem::field,
                InvalidInputException.FieldProblem::message, (first, second) -> first));
    }

    /** The values shown in a webhook form, as entered or as stored. */
    record FormValues(String url, List<String> eventTypes, boolean active) {

        static FormValues of(Webhook webhook) {
            return new FormValues(webhook.url(), webhook.eventTypes(), webhook.active());
        }
    }
}
