package org.onedoor.hsds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.hsds.internal.HsdsImporter;
import org.onedoor.hsds.internal.HsdsImporter.ImportRequest;
import org.onedoor.hsds.internal.HsdsUpload;
import org.onedoor.hsds.internal.ImportReportLine;
import org.onedoor.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Imports the three example sets (HSDS 3.1, HSDS 3.0 and the Ohana API sample) into fresh areas and checks the
 * per-row report: counts by outcome, reasons for skipped rows, and notes for fields with no OneDoor column.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HsdsImportTest {

    @Autowired
    HsdsImporter importer;

    @Autowired
    JdbcClient jdbc;

    TestAreas areas;

    @BeforeEach
    void startAreas() {
        areas = new TestAreas(jdbc);
    }

    @AfterEach
    void deleteAreas() {
        areas.deleteAll();
    }

    @Test
    void ohanaSampleImports() throws IOException {
        long areaId = freshArea();

        long importId = importer.run(request(areaId), uploads("ohana-smc/*.csv"), "Test", null);

        List<ImportReportLine> lines = importer.lines(importId);
        assertThat(importer.summary(importId).format()).isEqualTo("ohana");
        assertThat(count(lines, "partner")).containsEntry("CREATED", 8L);
        assertThat(count(lines, "office")).containsEntry("CREATED", 21L).containsEntry("SKIPPED", 1L);
        assertThat(count(lines, "service")).containsEntry("CREATED", 22L).containsEntry("SKIPPED", 1L);
        assertThat(count(lines, "taxonomy")).containsEntry("SKIPPED", 290L);
        assertThat(line(lines, "locations.csv", "row 20").reason()).contains("no row of addresses.csv has location_id '20'");
        assertEveryLineExplained(lines);

        long officeId = line(lines, "locations.csv", "row 1").recordId();
        Map<String, Object> office = jdbc.sql("SELECT time_zone, phone_e164, hours, zip FROM office WHERE id = :id")
                .param("id", officeId).query().singleRow();
        assertThat(office).containsEntry("time_zone", "America/Los_Angeles").containsEntry("phone_e164", "+16507807525")
                .containsEntry("hours", "Monday 9am-03:00").containsEntry("zip", "94063");
        assertThat(fields(importer.notes("office", officeId))).contains("locations.accessibility", "locations.latitude");

        ImportReportLine service = line(lines, "services.csv", "row 1");
        assertThat(service.noteFields()).contains("audience", "application_process");
        assertThat(fields(importer.notes("service", service.recordId()))).contains("services.audience", "services.keywords");
        assertThat(jdbc.sql("SELECT eligibility_description FROM service WHERE id = :id").param("id", service.recordId())
                .query(String.class).single()).startsWith("Age 55 or over");
    }

    @Test
    void hsds31CsvImports() throws IOException {
        long areaId = freshArea();

        long importId = importer.run(request(areaId), uploads("hsds-3.1/csv/*.csv"), "Test", null);

        List<ImportReportLine> lines = importer.lines(importId);
        assertThat(importer.summary(importId).format()).isEqualTo("tabular");
        assertThat(count(lines, "partner")).containsEntry("CREATED", 1L).containsEntry("NOTED", 12L);
        assertThat(count(lines, "program")).containsEntry("CREATED", 1L);
        assertThat(line(lines, "locations.csv", "row 1").reason())
                .contains("addresses.csv row 1: state_province 'MyState' is not a two-letter US state code");
        assertThat(count(lines, "service")).containsEntry("SKIPPED", 1L);
        assertThat(line(lines, "service_capacity.csv", "row 1").reason())
                .contains("service_id 'f75b808e-7bdb-11ef-afaa-ab00a77dc5c4' names no service");
        assertEveryLineExplained(lines);

        long partnerId = line(lines, "organizations.csv", "row 1").recordId();
        assertThat(fields(importer.notes("partner", partnerId)))
                .contains("organizations.tax_id", "services.fees_description", "addresses.postal_code", "cost_options.amount" )
                .doesNotContain("organizations.name");
    }

    @Test
    void hsds31JsonImports() throws IOException {
        long areaId = freshArea();

        long importId = importer.run(request(areaId), uploads("hsds-3.1/json/*.json"), "Test", null);

        List<ImportReportLine> lines = importer.lines(importId);
        assertThat(importer.summary(importId).format()).isEqualTo("json");
        assertThat(line(lines, "base.json", "").reason()).contains("holds no directory data");
        assertThat(count(lines, "partner")).containsEntry("CREATED", 1L);
        assertThat(count(lines, "service")).containsEntry("SKIPPED", 1L);
        assertEveryLineExplained(lines);
        long partnerId = line(lines, "organization_full.json", "$").recordId();
        assertThat(fields(importer.notes("partner", partnerId))).contains("service_capacity.available", "organizations.logo");
    }

    @Test
    void hsds30CsvAndJsonImport() throws IOException {
        long csvArea = freshArea();
        long jsonArea = freshArea();

        List<ImportReportLine> csvLines = importer.lines(importer.run(request(csvArea), uploads("hsds-3.0/csv/*.csv"), "Test", null));
        List<ImportReportLine> jsonLines = importer.lines(importer.run(request(jsonArea), uploads("hsds-3.0/json/*.json"), "Test", null));

        for (List<ImportReportLine> lines : List.of(csvLines, jsonLines)) {
            assertThat(count(lines, "partner")).containsEntry("CREATED", 1L);
            assertThat(count(lines, "program")).containsEntry("CREATED", 1L);
            assertThat(count(lines, "office")).containsEntry("SKIPPED", 1L);
            assertThat(count(lines, "service")).containsEntry("SKIPPED", 1L);
            assertEveryLineExplained(lines);
        }
    }

    @Test
    void secondImportUpdates() throws IOException {
        long areaId = freshArea();
        importer.run(request(areaId), uploads("ohana-smc/*.csv"), "Test", null);

        List<ImportReportLine> lines = importer.lines(importer.run(request(areaId), uploads("ohana-smc/*.csv"), "Test", null));

        assertThat(count(lines, "partner")).containsEntry("UPDATED", 8L).doesNotContainKey("CREATED");
        assertThat(count(lines, "service")).containsEntry("UPDATED", 22L).doesNotContainKey("CREATED");
        assertThat(jdbc.sql("SELECT count(*) FROM partner WHERE area_id = :id").param("id", areaId).query(Long.class).single())
                .isEqualTo(8);
    }

    @Test
    void capacityImportsOrBecomesNote() {
        long areaId = freshArea();
        List<HsdsUpload> files = List.of(
                csv("organizations.csv", "id,name,description\no1,Capacity Org,Test\n"),
                csv("locations.csv", "id,organization_id,name\nl1,o1,Main office\n"),
                csv("addresses.csv", "id,location_id,address_1,city,state_province,postal_code,country\na1,l1,1 Main St,Elkhart,IN,46514,US\n"),
                csv("services.csv", "id,organization_id,name,description,status\ns1,o1,Welding cohort,Welding,active\n"
                        + "s2,o1,Forklift seats,Forklift,active\n"),
                csv("service_at_location.csv", "id,service_id,location_id\nsl1,s1,l1\nsl2,s2,l1\n"),
                csv("units.csv", "id,name,scheme,identifier\nu1,Seats in a cohort,OneDoor,COHORT_SEATS\nu2,Kilogram,SI,kgm\n"),
                csv("service_capacity.csv", "id,service_id,unit_id,available,maximum,updated\n"
                        + "c1,s1,u1,4,10,2026-11-30T10:00:00Z\nc2,s2,u1,12,10,\nc3,s2,u2,1,10,\n"));

        List<ImportReportLine> lines = importer.lines(importer.run(request(areaId), files, "Test", null));

        ImportReportLine created = line(lines, "service_capacity.csv", "row 1");
        assertThat(created.outcome()).isEqualTo("CREATED");
        Map<String, Object> capacity = jdbc.sql("SELECT unit, available_units, maximum_units, updated_by FROM service_capacity WHERE service_id = :id")
                .param("id", created.recordId()).query().singleRow();
        assertThat(capacity).containsEntry("unit", "COHORT_SEATS").containsEntry("available_units", 4)
                .containsEntry("maximum_units", 10).containsEntry("updated_by", "HSDS import: Test import");
        assertThat(line(lines, "service_capacity.csv", "row 2").outcome()).isEqualTo("NOTED");
        assertThat(line(lines, "service_capacity.csv", "row 2").reason()).startsWith("capacity not set: available 12 is above maximum 10");
        assertThat(line(lines, "service_capacity.csv", "row 3").reason()).contains("unit 'Kilogram' is not one of OneDoor's units");
        assertThat(line(lines, "locations.csv", "row 1").reason()).isEqualTo("time zone America/Los_Angeles from the import form");
        assertThat(line(lines, "services.csv", "row 1").reason()).contains("category employer-information from the import form");
    }

    @Test
    void olderCapacityKeepsNewerFigures() {
        long areaId = freshArea();
        List<HsdsUpload> base = List.of(
                csv("organizations.csv", "id,name,description\no1,Dated Org,Test\n"),
                csv("locations.csv", "id,organization_id,name\nl1,o1,Main office\n"),
                csv("addresses.csv", "id,location_id,address_1,city,state_province,postal_code,country\na1,l1,1 Main St,Elkhart,IN,46514,US\n"),
                csv("services.csv", "id,organization_id,name,description,status\ns1,o1,Dated cohort,Welding,active\n"),
                csv("service_at_location.csv", "id,service_id,location_id\nsl1,s1,l1\n"),
                csv("units.csv", "id,name,scheme,identifier\nu1,Slots,OneDoor,SLOTS\n"));
        List<HsdsUpload> newer = new java.util.ArrayList<>(base);
        newer.add(csv("service_capacity.csv", "id,service_id,unit_id,available,maximum,updated\nc1,s1,u1,3,5,2026-11-30T10:00:00Z\n"));
        List<HsdsUpload> older = new java.util.ArrayList<>(base);
        older.add(csv("service_capacity.csv", "id,service_id,unit_id,available,maximum,updated\nc1,s1,u1,9,16,2026-11-01T10:00:00Z\n"));
        long serviceId = line(importer.lines(importer.run(request(areaId), newer, "Newer", null)), "service_capacity.csv", "row 1")
                .recordId();

        List<ImportReportLine> lines = importer.lines(importer.run(request(areaId), older, "Older", null));

        assertThat(line(lines, "service_capacity.csv", "row 1").reason()).contains("are not newer than OneDoor's");
        Map<String, Object> capacity = jdbc.sql("SELECT available_units, maximum_units FROM service_capacity WHERE service_id = :id")
                .param("id", serviceId).query().singleRow();
        assertThat(capacity).containsEntry("available_units", 3).containsEntry("maximum_units", 5);
    }

    @Test
    void unreadableFileRejectsImport() {
        long areaId = freshArea();
        long importsBefore = jdbc.sql("SELECT count(*) FROM hsds_import").query(Long.class).single();
        List<HsdsUpload> files = List.of(
                new HsdsUpload("organizations.csv", "id,name,description\no1,Good org,Fine\n".getBytes(StandardCharsets.UTF_8)),
                new HsdsUpload("services.csv", "name,description\nNo id,Here\n".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> importer.run(request(areaId), files, "Test", null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("services.csv has no id column");

        assertThat(jdbc.sql("SELECT count(*) FROM partner WHERE area_id = :id").param("id", areaId).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM hsds_import").query(Long.class).single()).isEqualTo(importsBefore);
    }

    static void assertEveryLineExplained(List<ImportReportLine> lines) {
        for (ImportReportLine line : lines) {
            if (line.outcome().equals("SKIPPED")) {
                assertThat(line.reason()).as("reason of skipped %s %s", line.file(), line.rowLabel()).isNotBlank();
            }
            if (line.outcome().equals("NOTED")) {
                assertThat(line.noteFields()).as("note fields of %s %s", line.file(), line.rowLabel()).isNotBlank();
            }
        }
    }

    static ImportReportLine line(List<ImportReportLine> lines, String file, String rowLabel) {
        return lines.stream()
                .filter(line -> line.file().equals(file) && line.rowLabel().equals(rowLabel))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No report line for " + file + " " + rowLabel));
    }

    static List<String> fields(List<HsdsImporter.Note> notes) {
        return notes.stream().map(HsdsImporter.Note::field).toList();
    }

    static HsdsUpload csv(String name, String text) {
        return new HsdsUpload(name, text.getBytes(StandardCharsets.UTF_8));
    }

    static ImportRequest request(long areaId) {
        return new ImportRequest(areaId, "Test import", "America/Los_Angeles", "employer-information");
    }

    static List<HsdsUpload> uploads(String pattern) throws IOException {
        List<HsdsUpload> uploads = new ArrayList<>();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath:hsds/" + pattern)) {
            uploads.add(new HsdsUpload(resource.getFilename(), resource.getContentAsByteArray()));
        }
        assertThat(uploads).as("files matching %s", pattern).isNotEmpty();
        return uploads;
    }

    long freshArea() {
        return areas.create("06");
    }

    static Map<String, Long> count(List<ImportReportLine> lines, String recordType) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        lines.stream().filter(line -> line.recordType().equals(recordType))
                .forEach(line -> counts.merge(line.outcome(), 1L, Long::sum));
        return counts;
    }
}
