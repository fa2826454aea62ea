package org.onedoor.hsds.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.onedoor.hsds.internal.HsdsRows.CapacityRow;
import org.onedoor.hsds.internal.HsdsRows.CategoryRow;
import org.onedoor.hsds.internal.HsdsRows.LocationRow;
import org.onedoor.hsds.internal.HsdsRows.OrganizationRow;
import org.onedoor.hsds.internal.HsdsRows.ProgramRow;
import org.onedoor.hsds.internal.HsdsRows.ServiceRow;
import org.onedoor.hsds.internal.HsdsSchemas.ObjectType;
import org.onedoor.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the directory as an HSDS tabular data package: {@code datapackage.json} and one CSV file per table that
 * has rows, zipped. The rows are the API's fully nested objects, flattened, so the two never disagree.
 */
@Service
@Transactional(readOnly = true)
public class HsdsExport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HsdsCatalog catalog;
    private final JdbcClient jdbc;

    HsdsExport(HsdsCatalog catalog, JdbcClient jdbc) {
        this.catalog = catalog;
        this.jdbc = jdbc;
    }

    /**
     * Returns the id of the workforce area with this code.
     *
     * @throws NotFoundException when no area has the code
     */
    public long areaId(String code) {
        return jdbc.sql("SELECT id FROM workforce_area WHERE code = :code")
                .param("code", code)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("There is no workforce area with code '" + code
                        + "'. Leave out the area parameter to export every area."));
    }

    /** Returns the tables of one area's directory, or of every area when {@code areaId} is {@code null}. */
    public HsdsTables tables(Long areaId) {
        HsdsTables tables = new HsdsTables();
        HsdsJsonFlattener flattener = new HsdsJsonFlattener(tables);

        List<OrganizationRow> organizations = catalog.allOrganizations(areaId);
        for (OrganizationRow organization : organizations) {
            Map<String, Object> document = HsdsDocuments.fullOrganization(organization,
                    catalog.programsOfPartner(organization.id()), catalog.locationsOfPartner(organization.id()));
            flattener.add("organizations", "$", "organization", JSON.valueToTree(document));
        }

        List<ServiceRow> services = catalog.allServices(areaId);
        Map<Long, OrganizationRow> organizationsById = catalog.organizationsById(
                services.stream().map(ServiceRow::partnerId).distinct().toList());
        Map<Long, ProgramRow> programs = catalog.programsById(services.stream().map(ServiceRow::programId).distinct().toList());
        Map<Long, LocationRow> locations = catalog.locationsById(services.stream().map(ServiceRow::officeId).distinct().toList());
        Map<Long, CapacityRow> capacities = catalog.capacitiesById(services.stream().map(ServiceRow::id).toList());
        Map<String, CategoryRow> categories = new LinkedHashMap<>();
        catalog.categories().forEach(category -> categories.put(category.code(), category));
        for (ServiceRow service : services) {
            Map<String, Object> document = HsdsDocuments.fullService(service, organizationsById.get(service.partnerId()),
                    programs.get(service.programId()), locations.get(service.officeId()), capacities.get(service.id()),
                    categories.get(service.categoryCode()));
            flattener.add("services", "$", "service", JSON.valueToTree(document));
        }
        return tables;
    }

    public void writeZip(Long areaId, OutputStream out) throws IOException {
        HsdsTables tables = tables(areaId);
        List<Map<String, Object>> resources = new ArrayList<>();
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        for (ObjectType type : HsdsSchemas.get().types()) {
            List<HsdsTables.Row> rows = tables.rows(HsdsJsonFlattener.tableName(type));
            if (rows.isEmpty()) {
                continue;
            }
            zip.putNextEntry(new ZipEntry(type.file()));
            Writer writer = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
            CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(type.columns().toArray(String[]::new)).get());
            for (HsdsTables.Row row : rows) {
                csv.printRecord(type.columns().stream().map(row::get).toList());
            }
            csv.flush();
            zip.closeEntry();
            resources.add(resource(type));
        }

        Map<String, Object> datapackage = new LinkedHashMap<>();
        datapackage.put("name", "onedoor-hsds");
        datapackage.put("title", "OneDoor service directory");
        datapackage.put("profile", "tabular-data-package");
        datapackage.put("description", "Open Referral HSDS 3.1 tabular data package of the OneDoor directory.");
        datapackage.put("resources", resources);
        zip.putNextEntry(new ZipEntry("datapackage.json"));
        zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(datapackage));
        zip.closeEntry();
        zip.finish();
    }

    private static Map<String, Object> resource(ObjectType type) {
        List<Map<String, Object>> fields = new ArrayList<>();
        for (String column : type.columns()) {
            fields.add(Map.of("name", column, "type", type.columnTypes().get(column)));
        }
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("name", HsdsJsonFlattener.tableName(type));
        resource.put("path", type.file());
        resource.put("profile", "tabular-data-resource");
        resource.put("format", "csv");
        resource.put("mediatype", "text/csv");
        resource.put("encoding", "utf-8");
        resource.put("schema", Map.of("fields", fields, "primaryKey", "id"));
        return resource;
    }
}
