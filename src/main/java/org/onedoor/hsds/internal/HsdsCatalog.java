package org.onedoor.hsds.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.onedoor.hsds.internal.HsdsRows.CapacityRow;
import org.onedoor.hsds.internal.HsdsRows.CategoryRow;
import org.onedoor.hsds.internal.HsdsRows.LocationRow;
import org.onedoor.hsds.internal.HsdsRows.OrganizationRow;
import org.onedoor.hsds.internal.HsdsRows.ProgramRow;
import org.onedoor.hsds.internal.HsdsRows.ServiceRow;
import org.onedoor.shared.PageRequest;
import org.onedoor.shared.ResultPage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the directory tables for the HSDS API and export. Only public fields are read: no staff emails, no user
 * names, nothing about referrals or partner-only fields.
 */
@Service
@Transactional(readOnly = true)
public class HsdsCatalog {

    private static final String SERVICE_SELECT = """
            SELECT s.id, pr.partner_id, s.program_id, s.office_id, s.category_code, s.name, s.description,
                   s.eligibility_description, s.contact_name, s.contact_phone, s.active, s.last_verified_at,
                   s.updated_at
            FROM service s
            JOIN program pr ON pr.id = s.program_id
            """;

    private static final String LOCATION_SELECT = """
            SELECT o.id, o.partner_id, o.name, o.address_line1, o.address_line2, o.city, o.state, o.zip, o.phone,
                   o.time_zone, o.hours
            FROM office o
            """;

    private final JdbcClient jdbc;

    HsdsCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The filters of the service list, named as the HSDS API names its query parameters. */
    public record ServiceFilter(String search, UUID organizationId, UUID taxonomyTermId, UUID taxonomyId,
                                Instant modifiedAfter) {

        public static ServiceFilter none() {
            return new ServiceFilter(null, null, null, null, null);
        }
    }

    public ResultPage<ServiceRow> services(ServiceFilter filter, PageRequest page) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.search() != null && !filter.search().isBlank()) {
            conditions.add("(s.search_document @@ websearch_to_tsquery('english', :search)"
                    + " OR fold_text(s.name) LIKE '%' || fold_text(:search) || '%')");
            params.put("search", filter.search().strip());
        }
        if (filter.organizationId() != null) {
            conditions.add("hsds_uuid('organization', pr.partner_id::text) = :organizationId");
            params.put("organizationId", filter.organizationId());
        }
        if (filter.taxonomyTermId() != null) {
            conditions.add("hsds_uuid('taxonomy_term', s.category_code) = :taxonomyTermId");
            params.put("taxonomyTermId", filter.taxonomyTermId());
        }
        if (filter.taxonomyId() != null && !filter.taxonomyId().toString().equals(HsdsDocuments.TAXONOMY_ID)) {
            // Every service has exactly one term, from the one taxonomy OneDoor publishes.
            conditions.add("false");
        }
        if (filter.modifiedAfter() != null) {
            conditions.add("s.updated_at >= :modifiedAfter");
            params.put("modifiedAfter", java.sql.Timestamp.from(filter.modifiedAfter()));
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);

        long total = jdbc.sql("SELECT count(*) FROM service s JOIN program pr ON pr.id = s.program_id" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<ServiceRow> rows = jdbc.sql(SERVICE_SELECT + where + " ORDER BY s.name, s.id LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(ServiceRow.class)
                .list();
        return ResultPage.of(rows, page, total);
    }

    /** Returns the services of one workforce area, or of all areas when {@code areaId} is {@code null}. */
    public List<ServiceRow> allServices(Long areaId) {
        return jdbc.sql(SERVICE_SELECT + " JOIN partner p ON p.id = pr.partner_id"
                        + " WHERE (CAST(:areaId AS bigint) IS NULL OR p.area_id = :areaId) ORDER BY s.id")
                .param("areaId", areaId)
                .query(ServiceRow.class)
                .list();
    }

    public Optional<ServiceRow> service(UUID id) {
        return jdbc.sql(SERVICE_SELECT + " WHERE hsds_uuid('service', s.id::text) = :id")
                .param("id", id)
                .query(ServiceRow.class)
                .optional();
    }

    public Optional<ServiceRow> serviceAtLocation(UUID id) {
        return jdbc.sql(SERVICE_SELECT + " WHERE hsds_uuid('service_at_location', s.id::text) = :id")
                .param("id", id)
                .query(ServiceRow.class)
                .optional();
    }

    public ResultPage<OrganizationRow> organizations(String search, PageRequest page) {
        String where = search == null || search.isBlank() ? "" : " WHERE fold_text(name) LIKE '%' || fold_text(:search) || '%'";
        Map<String, Object> params = where.isEmpty() ? Map.of() : Map.of("search", search.strip());
        long total = jdbc.sql("SELECT count(*) FROM partner" + where).params(params).query(Long.class).single();
        List<OrganizationRow> rows = jdbc.sql("SELECT id, name, description, website FROM partner" + where
                        + " ORDER BY name, id LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(OrganizationRow.class)
                .list();
        return ResultPage.of(rows, page, total);
    }

    public List<OrganizationRow> allOrganizations(Long areaId) {
        return jdbc.sql("""
                        SELECT id, name, description, website FROM partner
                        WHERE (CAST(:areaId AS bigint) IS NULL OR area_id = :areaId) ORDER BY id""")
                .param("areaId", areaId)
                .query(OrganizationRow.class)
                .list();
    }

    public Optional<OrganizationRow> organization(UUID id) {
        return jdbc.sql("SELECT id, name, description, website FROM partner WHERE hsds_uuid('organization', id::text) = :id")
                .param("id", id)
                .query(OrganizationRow.class)
                .optional();
    }

    public Map<Long, OrganizationRow> organizationsById(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, OrganizationRow> byId = new HashMap<>();
        jdbc.sql("SELECT id, name, description, website FROM partner WHERE id IN (:ids)")
                .param("ids", ids)
                .query(OrganizationRow.class)
                .list()
                .forEach(row -> byId.put(row.id(), row));
        return byId;
    }

    public List<ProgramRow> programsOfPartner(long partnerId) {
        return jdbc.sql("SELECT id, partner_id, name, description FROM program WHERE partner_id = :partnerId ORDER BY name, id")
                .param("partnerId", partnerId)
                .query(ProgramRow.class)
                .list();
    }

    public Map<Long, ProgramRow> programsById(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, ProgramRow> byId = new HashMap<>();
        jdbc.sql("SELECT id, partner_id, name, description FROM program WHERE id IN (:ids)")
                .param("ids", ids)
                .query(ProgramRow.class)
                .list()
                .forEach(row -> byId.put(row.id(), row));
        return byId;
    }

    public List<LocationRow> locationsOfPartner(long partnerId) {
        return jdbc.sql(LOCATION_SELECT + " WHERE o.partner_id = :partnerId ORDER BY o.name, o.id")
                .param("partnerId", partnerId)
                .query(LocationRow.class)
                .list();
    }

    public Map<Long, LocationRow> locationsById(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, LocationRow> byId = new HashMap<>();
        jdbc.sql(LOCATION_SELECT + " WHERE o.id IN (:ids)")
                .param("ids", ids)
                .query(LocationRow.class)
                .list()
                .forEach(row -> byId.put(row.id(), row));
        return byId;
    }

    /** Reads live capacity straight from the {@code service_capacity} table; services without a row have none. */
    public Map<Long, CapacityRow> capacitiesById(Collection<Long> serviceIds) {
        if (serviceIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, CapacityRow> byId = new HashMap<>();
        jdbc.sql("""
                        SELECT service_id, unit, maximum_units, available_units, updated_at
                        FROM service_capacity WHERE service_id IN (:ids)
                        """)
                .param("ids", serviceIds)
                .query(CapacityRow.class)
                .list()
                .forEach(row -> byId.put(row.serviceId(), row));
        return byId;
    }

    public List<CategoryRow> categories() {
        return jdbc.sql("SELECT code, name, definition FROM employer_service_category ORDER BY sort_order, code")
                .query(CategoryRow.class)
                .list();
    }
}
