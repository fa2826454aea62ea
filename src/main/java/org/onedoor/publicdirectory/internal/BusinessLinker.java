package org.onedoor.publicdirectory.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.onedoor.businesses.BusinessProfile;
import org.onedoor.businesses.BusinessProfile.Contact;
import org.onedoor.businesses.BusinessProfileService;
import org.onedoor.businesses.BusinessProfileService.Editor;
import org.onedoor.businesses.BusinessProfileService.NewContact;
import org.onedoor.businesses.BusinessRegistry;
import org.onedoor.businesses.BusinessSearch;
import org.onedoor.businesses.IncomingBusiness;
import org.onedoor.businesses.Registration;
import org.onedoor.businesses.SourceReference;
import org.onedoor.publicdirectory.internal.ContactRequestChecks.CheckedForm;
import org.onedoor.shared.NotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the business and contact a contact request comes from, or creates them, so a repeated request never adds a
 * second business or contact. Every value it writes is recorded as a self-update from the public directory.
 */
@Component
class BusinessLinker {

    static final String SOURCE_NAME = "Public directory contact request";
    static final String SELF_UPDATE = "SELF_UPDATE";

    /** The kind of link between a request and its business, as stored in {@code contact_request.link_outcome}. */
    enum Outcome { EXISTING_CONTACT, NEW_CONTACT, NEW_BUSINESS }

    record Link(long businessId, long contactId, Outcome outcome) {
    }

    private static final Editor EDITOR = new Editor(null, null, SELF_UPDATE, SOURCE_NAME);

    private final BusinessRegistry registry;
    private final BusinessSearch search;
    private final BusinessProfileService profiles;

    BusinessLinker(BusinessRegistry registry, BusinessSearch search, BusinessProfileService profiles) {
        this.registry = registry;
        this.search = search;
        this.profiles = profiles;
    }

    /**
     * Links the request in the caller's transaction. A business with the same name key (legal or trade name) and a
     * contact with the same email, ignoring case, is used as it is, filling only the contact's missing phone and
     * preferred method. When exactly one business has the name, the person becomes a new contact of it. Otherwise
     * a new business is registered with the person as its contact.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Link link(CheckedForm form) {
        List<Long> sameName = registry.findByNameLocked(form.businessName());

        for (long businessId : sameName) {
            Optional<Contact> contact = contactWithEmail(profile(businessId), form.email());
            if (contact.isPresent()) {
                fillMissing(businessId, contact.get(), form);
                return new Link(businessId, contact.get().id(), Outcome.EXISTING_CONTACT);
            }
        }
        if (sameName.size() == 1) {
            long businessId = sameName.get(0);
            return new Link(businessId, addContact(businessId, form), Outcome.NEW_CONTACT);
        }

        // NOTE: with two or more businesses of the same name and none with this email, the request cannot tell
        // them apart, so it creates another. A repeated request then finds it by name and email, and duplicate
        // review can merge it with the others.
        Registration registration = registry.register(incoming(form), source(form));
        long businessId = registration.businessId();
        Optional<Contact> existing = contactWithEmail(profile(businessId), form.email());
        if (existing.isPresent()) {
            fillMissing(businessId, existing.get(), form);
            return new Link(businessId, existing.get().id(), Outcome.EXISTING_CONTACT);
        }
        long contactId = addContact(businessId, form);
        return new Link(businessId, contactId, registration.created() ? Outcome.NEW_BUSINESS : Outcome.NEW_CONTACT);
    }

    private BusinessProfile profile(long businessId) {
        return search.findProfile(businessId).orElseThrow(() -> NotFoundException.of("Business", businessId));
    }

    private static Optional<Contact> contactWithEmail(BusinessProfile profile, String email) {
        return profile.contacts().stream()
                .filter(contact -> contact.email() != null && contact.email().equalsIgnoreCase(email))
                .findFirst();
    }

    /** Sets the contact's phone and preferred method only where they are empty, never replacing a known value. */
    private void fillMissing(long businessId, Contact contact, CheckedForm form) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (contact.phones().isEmpty() && form.phone() != null) {
            fields.put("phones", List.of(form.phone()));
        }
        if (contact.preferredMethod() == null) {
            fields.put("preferredMethod", form.preferredMethod());
        }
        if (fields.isEmpty()) {
            return;
        }
        profiles.update(businessId, Map.of("contacts", Map.of(String.valueOf(contact.id()), fields)), EDITOR);
    }

    private long addContact(long businessId, CheckedForm form) {
        List<String> phones = form.phone() == null ? List.of() : List.of(form.phone());
        return profiles.addContact(businessId,
                new NewContact(form.personName(), null, form.email(), phones, form.preferredMethod(), null), EDITOR);
    }

    private static IncomingBusiness incoming(CheckedForm form) {
        return new IncomingBusiness(form.businessName(), List.of(), null, null, null, null, null, null, null,
                Map.of());
    }

    private static SourceReference source(CheckedForm form) {
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("businessName", form.businessName());
        return new SourceReference(SELF_UPDATE, SOURCE_NAME, null, 0, raw, null, null);
    }
}
