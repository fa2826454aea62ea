package org.onedoor.engagement.internal;

import java.util.Optional;

import org.onedoor.engagement.Concierge;
import org.onedoor.engagement.ContactRoute;
import org.onedoor.identity.CurrentUser;
import org.onedoor.shared.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores the business's concierge choice, which staff record on its behalf. */
@Service
@Transactional
public class ConciergeChoices {

    private static final Logger log = LoggerFactory.getLogger(ConciergeChoices.class);

    private final JdbcClient jdbc;
    private final Businesses businesses;

    ConciergeChoices(JdbcClient jdbc, Businesses businesses) {
        this.jdbc = jdbc;
        this.businesses = businesses;
    }

    /**
     * Records the business's choice. Any partner's staff may record it, because the business gives it to whichever
     * partner it talks to. The choice keeps who recorded it and when.
     *
     * @throws InvalidInputException when the choice or, for a concierge business, the contact route is missing
     */
    public Concierge record(long businessId, Boolean concierge, ContactRoute route, CurrentUser actor) {
        businesses.legalName(businessId);
        if (actor.partnerId() == null && !actor.isAdministrator()) {
            throw new AccessDeniedException("Only partner staff may record a business's concierge choice.");
        }
        if (concierge == null) {
            throw new InvalidInputException("concierge", "Concierge is missing. Send true when the business wants "
                    + "its account manager to arrange other partners' services, false when not.");
        }
        if (concierge && route == null) {
            throw new InvalidInputException("contactRoute", "Contact route is missing. Choose THROUGH_ACCOUNT_MANAGER "
                    + "or DIRECT_WITH_KNOWLEDGE, as the business prefers.");
        }
        ContactRoute stored = route == null ? ContactRoute.DIRECT_WITH_KNOWLEDGE : route;

        jdbc.sql("""
                        INSERT INTO business_concierge (business_id, concierge, contact_route, updated_by)
                        VALUES (:businessId, :concierge, :route, :actor)
                        ON CONFLICT (business_id) DO UPDATE SET concierge = EXCLUDED.concierge,
                            contact_route = EXCLUDED.contact_route, updated_by = EXCLUDED.updated_by,
                            updated_at = now()""")
                .param("businessId", businessId)
                .param("concierge", concierge)
                .param("route", stored.name())
                .param("actor", actor.id())
                .update();

        log.info("User {} recorded concierge {} with route {} for business {}", actor.id(), concierge, stored,
                businessId);
        return find(businessId).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<Concierge> find(long businessId) {
        return jdbc.sql("""
                        SELECT c.business_id, c.concierge, c.contact_route, u.display_name, c.updated_at
                        FROM business_concierge c JOIN app_user u ON u.id = c.updated_by
                        WHERE c.business_id = :businessId""")
                .param("businessId", businessId)
                .query((row, n) -> new Concierge(row.getLong("business_id"), row.getBoolean("concierge"),
                        ContactRoute.valueOf(row.getString("contact_route")), row.getString("display_name"),
                        row.getTimestamp("updated_at").toInstant()))
                .optional();
    }
}
