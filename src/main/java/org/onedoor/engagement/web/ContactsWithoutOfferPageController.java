package org.onedoor.engagement.web;

import org.onedoor.directory.Directory;
import org.onedoor.engagement.ContactEntry;
import org.onedoor.engagement.internal.ContactOffers;
import org.onedoor.identity.CurrentUser;
import org.onedoor.shared.PageRequest;
import org.onedoor.shared.ResultPage;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The page of a partner's done contacts that ended with neither an offer nor a reason for none, so that none slips.
 * Staff see their partner's list; an administrator without a partner chooses the partner.
 */
@Controller
class ContactsWithoutOfferPageController {

    private static final int PAGE_SIZE = 50;

    private final ContactOffers contactOffers;
    private final Directory directory;

    ContactsWithoutOfferPageController(ContactOffers contactOffers, Directory directory) {
        this.contactOffers = contactOffers;
        this.directory = directory;
    }

    @GetMapping("/contacts/without-offer")
    String page(@RequestParam(required = false) Long partner, @RequestParam(required = false) Integer page,
                @AuthenticationPrincipal CurrentUser user, Model model) {
        boolean choosePartner = user.partnerId() == null;
        model.addAttribute("choosePartner", choosePartner);
        model.addAttribute("partners", choosePartner ? directory.partners() : java.util.List.of());
        model.addAttribute("partnerId", choosePartner ? partner : user.partnerId());
        model.addAttribute("readerPartnerId", user.partnerId());
        if (choosePartner && partner == null) {
            model.addAttribute("results", null);
            return "engagement/without-offer";
        }
        ResultPage<ContactEntry> results = contactOffers.withoutOffer(user, choosePartner ? partner : null,
                PageRequest.of(page, PAGE_SIZE));
        model.addAttribute("results", results);
        model.addAttribute("previousUrl", results.hasPrevious() ? pageUrl(partner, results.page() - 1) : null);
        model.addAttribute("nextUrl", results.hasNext() ? pageUrl(partner, results.page() + 1) : null);
        return "engagement/without-offer";
    }

    private static String pageUrl(Long partner, int page) {
        return UriComponentsBuilder.fromPath("/contacts/without-offer")
                .queryParamIfPresent("partner", java.util.Optional.ofNullable(partner))
                .queryParam("page", page)
                .build().toUriString();
    }
}
