package org.onedoor.hsds.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.onedoor.hsds.internal.HsdsCatalog.ServiceFilter;
import org.onedoor.hsds.internal.HsdsRows.CapacityRow;
import org.onedoor.hsds.internal.HsdsRows.CategoryRow;
import org.onedoor.hsds.internal.HsdsRows.LocationRow;
import org.onedoor.hsds.internal.HsdsRows.OrganizationRow;
import org.onedoor.hsds.internal.HsdsRows.ProgramRow;
import org.onedoor.hsds.internal.HsdsRows.ServiceRow;
import org.onedoor.shared.NotFoundException;
import org.onedoor.shared.PageRequest;
import org.onedoor.shared.ResultPage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Assembles the responses of the HSDS API from the catalog rows, each page in a few queries. */
@Service
@Transactional(readOnly = true)
public class HsdsApi {

    private final HsdsCatalog catalog;

    HsdsApi(HsdsCatalog catalog) {
        this.catalog = catalog;
    }

    public Map<String, Object> services(ServiceFilter filter, PageRequest page) {
        ResultPage<ServiceRow> rows = catalog.services(filter, page);
        Map<Long, CapacityRow> capacities = catalog.capacitiesById(ids(rows.items(), ServiceRow::id));
        return page(rows, row -> HsdsDocuments.service(row, capacities.get(row.id())));
    }

    public Map<String, Object> service(String id) {
        ServiceRow row = catalog.service(parse(id, "service")).orElseThrow(() -> notFound("service", id));
        return fullService(row);
    }

    public Map<String, Object> organizations(String search, PageRequest page) {
        return page(catalog.organizations(search, page), HsdsDocuments::organization);
    }

    public Map<String, Object> organization(String id) {
        OrganizationRow row = catalog.organization(parse(id, "organization")).orElseThrow(() -> notFound("organization", id));
        return HsdsDocuments.fullOrganization(row, catalog.programsOfPartner(row.id()), catalog.locationsOfPartner(row.id()));
    }

    public Map<String, Object> servicesAtLocations(ServiceFilter filter, PageRequest page) {
        ResultPage<ServiceRow> rows = catalog.services(filter, page);
        return page(rows, row -> HsdsDocuments.serviceAtLocation(row, null));
    }

    public Map<String, Object> serviceAtLocation(String id) {
        ServiceRow row = catalog.serviceAtLocation(parse(id, "service_at_location"))
                .orElseThrow(() -> notFound("service_at_location", id));
        Map<String, Object> document = HsdsDocuments.serviceAtLocation(row,
                catalog.locationsById(Set.of(row.officeId())).get(row.officeId()));
        document.put("service", fullService(row));
        return document;
    }

    private Map<String, Object> fullService(ServiceRow row) {
        OrganizationRow organization = catalog.organizationsById(Set.of(row.partnerId())).get(row.partnerId());
        ProgramRow program = catalog.programsById(Set.of(row.programId())).get(row.programId());
        LocationRow location = catalog.locationsById(Set.of(row.officeId())).get(row.officeId());
        CapacityRow capacity = catalog.capacitiesById(Set.of(row.id())).get(row.id());
        CategoryRow category = catalog.categories().stream()
                .filter(candidate -> candidate.code().equals(row.categoryCode()))
                .findFirst()
                .orElse(null);
        return HsdsDocuments.fullService(row, organization, program, location, capacity, category);
    }

    /** Wraps one page of results in the HSDS page object; HSDS pages count from 1. */
    private static <T> Map<String, Object> page(ResultPage<T> rows, Function<T, Map<String, Object>> toDocument) {
        int totalPages = rows.totalPages();
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("total_items", rows.total());
        page.put("total_pages", totalPages);
        page.put("page_number", rows.page() + 1);
        page.put("size", rows.items().size());
        page.put("first_page", rows.page() == 0);
        page.put("last_page", rows.page() + 1 >= totalPages);
        page.put("empty", rows.items().isEmpty());
        page.put("contents", rows.items().stream().map(toDocument).toList());
        return page;
    }

    private static <T> Set<Long> ids(List<T> rows, Function<T, Long> id) {
        return rows.stream().map(id).collect(Collectors.toSet());
    }

    private static UUID parse(String id, String type) {
        return HsdsIds.parse(id).orElseThrow(() -> new NotFoundException(
                "There is no " + type + " with id '" + id + "'. HSDS ids are UUIDs, such as the ids in /hsds/services."));
    }

    private static NotFoundException notFound(String type, String id) {
        return new NotFoundException("There is no " + type + " with id '" + id + "'.");
    }
}
