package org.onedoor.engagement.web;

import org.onedoor.engagement.ContactEntry;
import org.onedoor.engagement.internal.ContactOffers;
import org.onedoor.identity.CurrentUser;
import org.onedoor.shared.PageRequest;
import org.onedoor.shared.ResultPage;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** JSON API for the done contacts that ended with neither an offer nor a reason for none. */
@RestController
@Tag(name = "Contacts")
class ContactOfferApiController {

    private final ContactOffers contactOffers;

    ContactOfferApiController(ContactOffers contactOffers) {
        this.contactOffers = contactOffers;
    }

    @GetMapping("/api/v1/contacts/without-offer")
    @Operation(summary = "List a partner's done contacts without an offer or a no-offer reason, oldest first",
            description = "Staff get their own partner's contacts; partnerId is for administrators without a "
                    + "partner, and 403 for staff naming another partner. Record an offer, or the reason for none, with "
                    + "POST /api/v1/businesses/{id}/offers and the contact's id as contactId.")
    ResultPage<ContactEntry> withoutOffer(@RequestParam(required = false) Long partnerId,
                                          @RequestParam(required = false) Integer page,
                                          @RequestParam(required = false) Integer size,
                                          @AuthenticationPrincipal CurrentUser user) {
        return contactOffers.withoutOffer(user, partnerId, PageRequest.of(page, size));
    }
}
