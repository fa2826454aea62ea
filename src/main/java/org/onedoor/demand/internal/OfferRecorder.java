package org.onedoor.demand.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.onedoor.demand.FollowUp;
import org.onedoor.demand.NewOffer;
import org.onedoor.demand.NoOffer;
import org.onedoor.demand.NoOfferReason;
import org.onedoor.demand.Offer;
import org.onedoor.demand.OfferAnswer;
import org.onedoor.shared.ConflictException;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.InvalidInputException.FieldProblem;
import org.onedoor.shared.NotFoundException;
import org.springframework.stereotype.Component;

/** Checks and records offers and "no offer made" reasons. */
@Component
public class OfferRecorder {

    /** Maximum length of a note or decline reason, in characters. */
    public static final int MAX_TEXT = 2000;

    private final NeedStore store;
    private final DemandSettings settings;

    OfferRecorder(NeedStore store, DemandSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    /**
     * Records an offer for an open need. An accepted or declined offer closes the need. A deferred one leaves it
     * open for a later offer.
     *
     * @throws InvalidInputException naming every invalid value
     * @throws NotFoundException for an unknown partner, or a need that is not one of the business's
     * @throws ConflictException for a need already closed
     */
    public Offer recordOffer(long businessId, NewOffer offer, long partnerId, Long userId) {
        requirePartner(partnerId);
        NeedStore.NeedState need = openNeed(businessId, offer.needId());
        List<FieldProblem> problems = new ArrayList<>();
        List<Long> serviceIds = List.copyOf(new LinkedHashSet<>(offer.serviceIds()));
        List<NeedStore.OfferableService> services = services(serviceIds, problems);
        checkAnswer(offer, partnerId, services, problems);
        checkLength("note", offer.note(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }

        if (offer.answer() == OfferAnswer.ACCEPTED || offer.answer() == OfferAnswer.DECLINED) {
            store.closeNeed(need.id());
        }
        long id = store.insertOffer(new NeedStore.OfferRow(businessId, need.id(), Offer.Kind.OFFER, partnerId, userId,
                offer.contactId(), offer.answer(), offer.followUp(), strip(offer.declineReason()),
                offer.deferredUntil(), null, strip(offer.note())), serviceIds);
        return store.findOffer(id).orElseThrow();
    }

    /**
     * Records why a contact ended without an offer, for one need or for the contact as a whole.
     *
     * @throws InvalidInputException for a missing reason, or {@link NoOfferReason#OTHER} without a note
     * @throws NotFoundException for an unknown business, or a need that is not one of the business's
     */
    public Offer recordNoOffer(long businessId, NoOffer noOffer, long partnerId, Long userId) {
        if (!store.businessExists(businessId)) {
            throw NotFoundException.of("Business", businessId);
        }
        requirePartner(partnerId);
        if (noOffer.needId() != null) {
            store.lockNeed(noOffer.needId())
                    .filter(need -> need.businessId() == businessId)
                    .orElseThrow(() -> new NotFoundException("Need " + noOffer.needId() + " is not a need of business "
                            + businessId + ". List the business's needs to find its id."));
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (noOffer.reason() == null) {
            problems.add(new FieldProblem("noOfferReason", "Reason is missing. Choose why no offer was made: "
                    + enumNames(NoOfferReason.values()) + "."));
        }
        if (noOffer.reason() == NoOfferReason.OTHER && blank(noOffer.note())) {
            problems.add(new FieldProblem("note", "Note is missing. Reason OTHER needs a note that explains why no "
                    + "offer was made."));
        }
        checkLength("note", noOffer.note(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = store.insertOffer(new NeedStore.OfferRow(businessId, noOffer.needId(), Offer.Kind.NO_OFFER,
                partnerId, userId, noOffer.contactId(), null, null, null, null, noOffer.reason(),
                strip(noOffer.note())), List.of());
        return store.findOffer(id).orElseThrow();
    }

    private void requirePartner(long partnerId) {
        store.areaOfPartner(partnerId).orElseThrow(() -> NotFoundException.of("Partner", partnerId));
    }

    private NeedStore.NeedState openNeed(long businessId, long needId) {
        NeedStore.NeedState need = store.lockNeed(needId)
                .filter(found -> found.businessId() == businessId)
                .orElseThrow(() -> new NotFoundException("Need " + needId + " is not a need of business "
                        + businessId + ". List the business's needs to find its id."));
        if (!need.open()) {
            throw new ConflictException("Need " + needId + " (" + NeedStore.needLabel(need.needCode()) + ") is "
                    + "closed, because an offer for it was accepted or declined. Raise the need again to make a new "
                    + "offer.");
        }
        return need;
    }

    private List<NeedStore.OfferableService> services(List<Long> serviceIds, List<FieldProblem> problems) {
        if (serviceIds.isEmpty()) {
            problems.add(new FieldProblem("serviceIds", "No service was offered. Choose at least one service, or "
                    + "record that no offer was made and why."));
            return List.of();
        }
        Map<Long, NeedStore.OfferableService> found = store.services(serviceIds).stream()
                .collect(Collectors.toMap(NeedStore.OfferableService::id, Function.identity()));
        List<NeedStore.OfferableService> services = new ArrayList<>();
        for (Long id : serviceIds) {
            NeedStore.OfferableService service = found.get(id);
            if (service == null) {
                problems.add(new FieldProblem("serviceIds", "Service " + id + " does not exist. Offer services "
                        + "that the directory lists."));
            } else if (!service.active()) {
                problems.add(new FieldProblem("serviceIds", "Service " + id + " (" + service.name() + ") is no "
                        + "longer active. Offer an active service."));
            } else {
                services.add(service);
            }
        }
        return services;
    }

    private void checkAnswer(NewOffer offer, long partnerId, List<NeedStore.OfferableService> services,
                             List<FieldProblem> problems) {
        if (offer.answer() == null) {
            problems.add(new FieldProblem("answer", "Answer is missing. Use one of "
                    + enumNames(OfferAnswer.values()) + "."));
            return;
        }
        if (offer.answer() == OfferAnswer.ACCEPTED) {
            checkFollowUp(offer.followUp(), partnerId, services, problems);
        } else if (offer.followUp() != null) {
            problems.add(new FieldProblem("followUp", "Follow-up " + offer.followUp() + " applies only to an "
                    + "accepted offer. Leave it out for answer " + offer.answer() + "."));
        }

        if (offer.answer() == OfferAnswer.DECLINED) {
            if (blank(offer.declineReason())) {
                problems.add(new FieldProblem("declineReason", "Decline reason is missing. Say why the business "
                        + "declined the offer."));
            }
            checkLength("declineReason", offer.declineReason(), problems);
        } else if (offer.declineReason() != null) {
            problems.add(new FieldProblem("declineReason", "Decline reason applies only to a declined offer. "
                    + "Leave it out for answer " + offer.answer() + "."));
        }

        LocalDate today = LocalDate.now(ZoneId.of(settings.timeZone()));
        if (offer.answer() == OfferAnswer.DEFERRED) {
            if (offer.deferredUntil() == null) {
                problems.add(new FieldProblem("deferredUntil", "Deferred-until date is missing. Give the date, "
                        + "after today, when staff should offer again."));
            } else if (!offer.deferredUntil().isAfter(today)) {
                problems.add(new FieldProblem("deferredUntil", "Deferred-until date " + offer.deferredUntil()
                        + " is not after today (" + today + "). Give a later date."));
            }
        } else if (offer.deferredUntil() != null) {
            problems.add(new FieldProblem("deferredUntil", "Deferred-until date applies only to a deferred offer. "
                    + "Leave it out for answer " + offer.answer() + "."));
        }
    }

    /**
     * Requires a follow-up that fits the services: a referral needs a service of another partner, and the
     * partner's own service needs one of the recording partner's services.
     */
    private static void checkFollowUp(FollowUp followUp, long partnerId, List<NeedStore.OfferableService> services,
                                      List<FieldProblem> problems) {
        if (followUp == null) {
            problems.add(new FieldProblem("followUp", "Follow-up is missing for an accepted offer. Use REFERRAL for "
                    + "a referral to another partner or OWN_SERVICE for your partner's own service."));
            return;
        }
        if (services.isEmpty()) {
            return;
        }
        boolean ownService = services.stream().anyMatch(service -> service.partnerId() == partnerId);
        boolean otherPartner = services.stream().anyMatch(service -> service.partnerId() != partnerId);
        if (followUp == FollowUp.OWN_SERVICE && !ownService) {
            problems.add(new FieldProblem("followUp", "Follow-up OWN_SERVICE needs a service of your own partner "
                    + "among the services offered. Use REFERRAL for another partner's service."));
        }
        if (followUp == FollowUp.REFERRAL && !otherPartner) {
            problems.add(new FieldProblem("followUp", "Follow-up REFERRAL needs a service of another partner among "
                    + "the services offered. Use OWN_SERVICE for your partner's own service."));
        }
    }

    private static void checkLength(String field, String value, List<FieldProblem> problems) {
        if (value != null && value.length() > MAX_TEXT) {
            problems.add(new FieldProblem(field, "Field '" + field + "' has " + value.length() + " characters. "
                    + "Shorten it to at most " + MAX_TEXT + "."));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    static String enumNames(Enum<?>[] values) {
        return String.join(", ", java.util.Arrays.stream(values).map(Enum::name).toList());
    }
}
