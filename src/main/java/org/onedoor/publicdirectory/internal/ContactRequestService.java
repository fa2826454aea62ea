package org.onedoor.publicdirectory.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.onedoor.directory.Directory;
import org.onedoor.identity.CurrentUser;
import org.onedoor.notifications.Notice;
import org.onedoor.notifications.Notifications;
import org.onedoor.publicdirectory.ContactRequests;
import org.onedoor.publicdirectory.internal.BusinessLinker.Link;
import org.onedoor.publicdirectory.internal.ContactRequestChecks.CheckedForm;
import org.onedoor.publicdirectory.internal.PublicCatalog.Area;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.InvalidInputException.FieldProblem;
import org.onedoor.shared.NotFoundException;
import org.onedoor.shared.PageRequest;
import org.onedoor.shared.ResultPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the requests that businesses send from the public directory and keeps the staff inbox of each workforce
 * area's business services team.
 */
@Service
public class ContactRequestService implements ContactRequests {

    /** The consent wording the form shows; each request stores the wording its sender agreed to. */
    public static final String CONSENT_TEXT = "I agree that the partners of the one-stop system may store what I "
            + "entered here and contact me about these services. My business is added to their shared records, or "
            + "this request is linked to the record they already have. I can ask them to stop contacting me at any time.";

    private static final Logger log = LoggerFactory.getLogger(ContactRequestService.class);

    private final JdbcClient jdbc;
    private final PublicCatalog catalog;
    private final BusinessLinker linker;
    private final Directory directory;
    private final Notifications notifications;

    ContactRequestService(JdbcClient jdbc, PublicCatalog catalog, BusinessLinker linker, Directory directory,
                          Notifications notifications) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.linker = linker;
        this.directory = directory;
        this.notifications = notifications;
    }

    /** The confirmation page's content for the sender. */
    public record Submitted(long requestId, String areaName, String email, String preferredMethod,
                            List<String> serviceNames) {
    }

    /**
     * Checks the form, links the request to its business and contact (creating them when needed), stores it and
     * announces it to the area's team, all in one transaction, so a rejected request leaves nothing behind.
     *
     * @throws InvalidInputException naming each invalid field and the fix
     */
    @Transactional
    public Submitted submit(ContactRequestForm form) {
        List<FieldProblem> problems = new ArrayList<>();
        CheckedForm checked = null;
        try {
            checked = ContactRequestChecks.check(form);
        } catch (InvalidInputException invalid) {
            problems.addAll(invalid.problems());
        }
        List<PublicService> services = catalog.servicesWithIds(form.services());
        Area area = areaOf(form, services, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }

        Link link = linker.link(checked);
        long requestId = insert(area, link, checked, services);
        ContactRequest request = find(requestId);
        log.info("Contact request {} recorded for business {} (contact {}, {}) in area {}", requestId,
                link.businessId(), link.contactId(), link.outcome(), area.id());
        announce(request, services);

        return new Submitted(requestId, area.name(), checked.email(), checked.preferredMethod(),
                services.stream().map(PublicService::name).toList());
    }

    /**
     * Tells the area's business services team about a new request, in OneDoor and by mail. The team is the staff of
     * each partner whose service the business checked. A request for no particular service goes to the partner
     * administrators of every partner in the area. The notices join the submit transaction, and the outbox sends
     * the mail after commit.
     */
    void announce(ContactRequest request, List<PublicService> services) {
        Notice notice = new Notice("Contact request from " + request.businessName(), describe(request),
                "/contact-requests");
        Set<Long> partners = new LinkedHashSet<>();
        services.forEach(service -> partners.add(service.partnerId()));
        if (partners.isEmpty()) {
            directory.partners().stream()
                    .filter(partner -> partner.areaId() == request.areaId())
                    .forEach(partner -> notifications.notifyPartnerAdministrators(partner.id(), notice));
            return;
        }
        partners.forEach(partnerId -> notifications.notifyPartnerStaff(partnerId, notice));
    }

    private static String describe(ContactRequest request) {
        StringBuilder body = new StringBuilder()
                .append(request.personName()).append(" of ").append(request.businessName())
                .append(" asked to be contacted through the public directory.\n")
                .append("Preferred contact: ").append(request.preferredMethodText()).append(", ")
                .append(request.email());
        if (request.phone() != null && !request.phone().isBlank()) {
            body.append(", ").append(request.phone());
        }
        body.append(".\n");
        if (!request.serviceNames().isEmpty()) {
            body.append("Services: ").append(String.join("; ", request.serviceNames())).append(".\n");
        }
        if (request.message() != null && !request.message().isBlank()) {
            body.append("What they need: ").append(request.message().strip()).append("\n");
        }
        body.append(request.linkOutcomeText()).append(".");
        return body.toString();
    }

    /**
     * Works out which area's team receives the request: the area of the chosen services, else the area chosen on
     * the form, else the only area there is.
     */
    private Area areaOf(ContactRequestForm form, List<PublicService> services, List<FieldProblem> problems) {
        List<Area> areas = catalog.areas();
        if (services.size() < form.services().size()) {
            List<Long> known = services.stream().map(PublicService::id).toList();
            String unknown = form.services().stream().filter(id -> !known.contains(id)).map(String::valueOf)
                    .collect(Collectors.joining(", "));
            problems.add(new FieldProblem("services", "Service " + unknown + " is not in the directory now. "
                    + "Uncheck it, or search the directory again."));
            return null;
        }
        if (!services.isEmpty()) {
            long areaId = services.get(0).areaId();
            if (services.stream().anyMatch(service -> service.areaId() != areaId)) {
                problems.add(new FieldProblem("services", "The services you checked are offered in different regions. "
                        + "Send one request for each region."));
                return null;
            }
            return new Area(areaId, services.get(0).areaName());
        }
        if (form.area() != null) {
            return areas.stream().filter(area -> area.id() == form.area()).findFirst().orElseGet(() -> {
                problems.add(new FieldProblem("area", "Region " + form.area() + " is not in the directory. "
                        + "Choose your region from the list."));
                return null;
            });
        }
        if (areas.size() == 1) {
            return areas.get(0);
        }
        problems.add(new FieldProblem("area", "Region is missing. Choose the region where your business is, "
                + "so the right team contacts you."));
        return null;
    }

    private long insert(Area area, Link link, CheckedForm form, List<PublicService> services) {
        long requestId = jdbc.sql("""
                        INSERT INTO contact_request (area_id, business_id, contact_id, business_name, person_name, email,
                                                     phone, preferred_method, message, link_outcome, consent_text)
                        VALUES (:areaId, :businessId, :contactId, :businessName, :personName, :email, :phone,
                                :method, :message, :outcome, :consent)
                        RETURNING id
                        """)
                .param("areaId", area.id())
                .param("businessId", link.businessId())
                .param("contactId", link.contactId())
                .param("businessName", form.businessName())
                .param("personName", form.personName())
                .param("email", form.email())
                .param("phone", form.phone())
                .param("method", form.preferredMethod())
                .param("message", form.message())
                .param("outcome", link.outcome().name())
                .param("consent", CONSENT_TEXT)
                .query(Long.class)
                .single();
        for (PublicService service : services) {
            jdbc.sql("INSERT INTO contact_request_service (request_id, service_id) VALUES (:requestId, :serviceId)")
                    .param("requestId", requestId)
                    .param("serviceId", service.id())
                    .update();
        }
        return requestId;
    }

    private static final String SELECT_REQUEST = """
            SELECT r.id, r.area_id, a.name AS area_name, r.business_id, b.legal_name AS business_legal_name,
                   r.contact_id, r.business_name, r.person_name, r.email, r.phone, r.preferred_method, r.message,
                   r.link_outcome, r.status, r.created_at, r.closed_at,
                   ARRAY(SELECT s.name FROM contact_request_service rs JOIN service s ON s.id = rs.service_id
                         WHERE rs.request_id = r.id ORDER BY s.name) AS service_names
            FROM contact_request r
            JOIN workforce_area a ON a.id = r.area_id
            JOIN business b ON b.id = r.business_id
            """;

    ContactRequest find(long id) {
        return jdbc.sql(SELECT_REQUEST + " WHERE r.id = :id")
                .param("id", id)
                .query(ContactRequest::of)
                .optional()
                .orElseThrow(() -> NotFoundException.of("Contact request", id));
    }

    /**
     * Lists the requests of the reader's area, newest first: the area of the reader's partner, or every area for an
     * administrator without a partner.
     *
     * @param openOnly whether to leave out requests already handled
     */
    @Transactional(readOnly = true)
    public ResultPage<ContactRequest> inbox(CurrentUser reader, boolean openOnly, PageRequest page) {
        String where = " WHERE (CAST(:areaId AS bigint) IS NULL OR r.area_id = :areaId)"
                + (openOnly ? " AND r.status <> 'CLOSED'" : "");
        Long areaId = areaIdOf(reader);
        long total = jdbc.sql("SELECT count(*) FROM (" + SELECT_REQUEST + where + ") requests")
                .param("areaId", areaId)
                .query(Long.class)
                .single();
        List<ContactRequest> items = jdbc.sql(SELECT_REQUEST + where
                        + " ORDER BY r.created_at DESC, r.id DESC LIMIT :limit OFFSET :offset")
                .param("areaId", areaId)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(ContactRequest::of)
                .list();
        return ResultPage.of(items, page, total);
    }

    @Override
    @Transactional(readOnly = true)
    public long countNew(CurrentUser reader) {
        return jdbc.sql("""
                        SELECT count(*) FROM contact_request
                        WHERE status = 'NEW' AND (CAST(:areaId AS bigint) IS NULL OR area_id = :areaId)
                        """)
                .param("areaId", areaIdOf(reader))
                .query(Long.class)
                .single();
    }

    /**
     * Marks a request of the reader's area as handled (status {@code CLOSED}).
     *
     * @return the request, and whether this call changed it; a request already handled is left as it was
     * @throws NotFoundException for an unknown request or one of another area, which the reader may not see
     */
    @Transactional
    public Handled markHandled(long id, CurrentUser reader) {
        ContactRequest request = find(id);
        Long areaId = areaIdOf(reader);
        if (areaId != null && request.areaId() != areaId) {
            throw NotFoundException.of("Contact request", id);
        }
        int changed = jdbc.sql("""
                        UPDATE contact_request SET status = 'CLOSED', closed_at = now(), closed_by = :userId
                        WHERE id = :id AND status <> 'CLOSED'
                        """)
                .param("userId", reader.id())
                .param("id", id)
                .update();
        if (changed > 0) {
            log.info("Contact request {} marked handled by user {}", id, reader.id());
        }
        return new Handled(find(id), changed > 0);
    }

    /** @param changed false when the request had been handled before */
    public record Handled(ContactRequest request, boolean changed) {
    }

    /** Returns the area of the reader's partner, or {@code null} for an administrator without a partner. */
    private Long areaIdOf(CurrentUser reader) {
        if (reader.partnerId() == null) {
            return null;
        }
        return jdbc.sql("SELECT area_id FROM partner WHERE id = :id")
                .param("id", reader.partnerId())
                .query(Long.class)
                .single();
    }
}
