package org.onedoor.hsds.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.onedoor.shared.InvalidInputException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads uploaded files into tables: zipped data packages, single CSV files and HSDS JSON documents. Problems that
 * make a file unreadable (broken zip, invalid UTF-8, malformed CSV or JSON, a missing id column, an id used twice)
 * reject the whole upload with the file, row and field named.
 */
public final class HsdsPackageReader {

    /** The CSV files of the Ohana API sample layout, the ancestor of HSDS 1.0, that HSDS 3 has no table for. */
    static final Set<String> OHANA_ONLY_TABLES = Set.of("mail_addresses", "regular_schedules", "holiday_schedules", "taxonomy");

    // Limits on what a zip may unpack to, so that a small upload cannot fill the memory.
    private static final int MAX_FILES = 200;
    private static final long MAX_UNPACKED_BYTES = 100L * 1024 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .get();

    /** The tables read, the files that were not read with the reason, and the format the files are in. */
    public record Result(HsdsTables tables, List<SkippedFile> skippedFiles, String format) {
    }

    public record SkippedFile(String file, String reason) {
    }

    private final HsdsTables tables = new HsdsTables();
    private final List<SkippedFile> skipped = new ArrayList<>();
    private boolean json;
    private long unpackedBytes;

    public static Result read(List<HsdsUpload> uploads) {
        HsdsPackageReader reader = new HsdsPackageReader();
        List<HsdsUpload> files = new ArrayList<>();
        for (HsdsUpload upload : uploads) {
            if (upload.name().toLowerCase(Locale.ROOT).endsWith(".zip")) {
                files.addAll(reader.unzip(upload));
            } else {
                files.add(upload);
            }
        }
        if (files.isEmpty()) {
            throw new InvalidInputException("files", "No file was uploaded. Choose a zipped data package, CSV files or HSDS JSON files.");
        }
        for (HsdsUpload file : files) {
            reader.readFile(file);
        }
        return new Result(reader.tables, List.copyOf(reader.skipped), reader.format());
    }

    private String format() {
        if (json) {
            return "json";
        }
        boolean ohanaFile = tables.tableNames().stream().anyMatch(OHANA_ONLY_TABLES::contains);
        boolean servicesWithoutOrganization = !tables.rows("services").isEmpty()
                && !tables.rows("services").get(0).values().containsKey("organization_id")
                && tables.rows("services").get(0).values().containsKey("location_id");
        return ohanaFile || servicesWithoutOrganization ? "ohana" : "tabular";
    }

    private List<HsdsUpload> unzip(HsdsUpload zipFile) {
        List<HsdsUpload> files = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipFile.bytes()), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
                if (entry.isDirectory() || name.isEmpty() || name.startsWith(".")) {
                    continue;
                }
                if (files.size() >= MAX_FILES) {
                    throw new InvalidInputException("files", zipFile.name() + " contains more than " + MAX_FILES
                            + " files. Upload a data package with one CSV file per table.");
                }
                files.add(new HsdsUpload(name, readLimited(zip, zipFile.name())));
            }
            if (files.isEmpty()) {
                throw new InvalidInputException("files", zipFile.name() + " is not a zip file, or contains no files. "
                        + "Upload the data package as a .zip, or its CSV files one by one.");
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidInputException("files", zipFile.name() + " is not a readable zip file (" + e.getMessage()
                    + "). Upload the data package as a .zip, or its CSV files one by one.");
        }
        return files;
    }

    private byte[] readLimited(InputStream in, String zipName) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        int read;
        while ((read = in.read(buffer)) > 0) {
            unpackedBytes += read;
            if (unpackedBytes > MAX_UNPACKED_BYTES) {
                throw new InvalidInputException("files", zipName + " unpacks to more than "
                        + MAX_UNPACKED_BYTES / (1024 * 1024) + " MB. Split the data package into smaller imports.");
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    private void readFile(HsdsUpload file) {
        String lower = file.name().toLowerCase(Locale.ROOT);
        if (lower.equals("datapackage.json")) {
            // The CSV files are matched to tables by name, so the descriptor is not needed.
            return;
        }
        if (lower.endsWith(".csv")) {
            readCsv(file);
        } else if (lower.endsWith(".json")) {
            readJson(file);
        } else {
            skipped.add(new SkippedFile(file.name(), "not a CSV or JSON file"));
        }
    }

    private void readCsv(HsdsUpload file) {
        String table = file.name().substring(0, file.name().length() - 4).toLowerCase(Locale.ROOT);
        String text = utf8(file);
        try (CSVParser parser = CSV.parse(new StringReader(text))) {
            List<String> header = parser.getHeaderNames();
            // The Ohana taxonomy list keys its rows by taxonomy_id.
            String idColumn = !header.contains("id") && header.contains(table + "_id") ? table + "_id" : "id";
            if (!header.contains(idColumn)) {
                throw new InvalidInputException("files", file.name() + " has no id column. Every HSDS table starts with "
                        + "an id column; the header found was: " + String.join(", ", header) + ".");
            }
            for (CSVRecord record : parser) {
                Map<String, String> values = new LinkedHashMap<>();
                for (String column : header) {
                    values.put(column, record.isMapped(column) && record.isSet(column) ? record.get(column) : "");
                }
                values.putIfAbsent("id", values.get(idColumn));
                String position = "row " + record.getRecordNumber();
                String id = values.get("id").strip();
                if (!id.isEmpty() && tables.find(table, id).isPresent()) {
                    throw new InvalidInputException("files", file.name() + " " + position + ": id '" + id
                            + "' is already used by " + tables.find(table, id).get().position()
                            + ". Each row of a table needs its own id.");
                }
                tables.add(table, file.name(), position, values);
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new InvalidInputException("files", file.name() + " is not valid CSV: " + e.getMessage()
                    + ". Check the quotes around values that contain commas or line breaks.");
        }
    }

    private void readJson(HsdsUpload file) {
        JsonNode root;
        try {
            root = JSON.readTree(utf8(file));
        } catch (JacksonException e) {
            throw new InvalidInputException("files", file.name() + " is not valid JSON: " + e.getOriginalMessage());
        }
        json = true;
        HsdsJsonFlattener flattener = new HsdsJsonFlattener(tables);
        if (root.isObject() && root.propertyNames().stream().anyMatch(name -> name.endsWith(".csv"))) {
            readTabularJson(file, root);
        } else if (root.isObject() && root.path("contents").isArray()) {
            addAll(file, flattener, root.path("contents"), "$.contents");
        } else if (root.isArray()) {
            addAll(file, flattener, root, "$");
        } else if (root.isObject() && root.has("version") && root.has("profile")) {
            skipped.add(new SkippedFile(file.name(), "the API root describes the API and holds no directory data"));
        } else {
            addOne(file, flattener, root, "$");
        }
    }

    private void addAll(HsdsUpload file, HsdsJsonFlattener flattener, JsonNode items, String path) {
        for (int index = 0; index < items.size(); index++) {
            addOne(file, flattener, items.get(index), path + "[" + index + "]");
        }
    }

    private void addOne(HsdsUpload file, HsdsJsonFlattener flattener, JsonNode object, String path) {
        String type = object.isObject() ? HsdsJsonFlattener.guessType(file.name(), object) : null;
        if (type == null) {
            throw new InvalidInputException("files", file.name() + " " + path + " is not an HSDS organization, service, "
                    + "service_at_location or location object. Name the file after the object type, such as service_full.json.");
        }
        flattener.add(file.name(), path, type, object);
    }

    // The tabular JSON form: each property is a CSV file name holding that table's rows as objects.
    private void readTabularJson(HsdsUpload file, JsonNode root) {
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            String table = entry.getKey().replaceFirst("(?i)\\.csv$", "");
            int number = 0;
            for (JsonNode item : entry.getValue()) {
                number++;
                Map<String, String> values = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> property : item.properties()) {
                    values.put(property.getKey(), property.getValue().isNull() ? "" : property.getValue().asString());
                }
                tables.add(table, file.name(), "$." + entry.getKey() + "[" + (number - 1) + "]", values);
            }
        }
    }

    private static String utf8(HsdsUpload file) {
        byte[] bytes = file.bytes();
        int offset = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("files", file.name() + " is not valid UTF-8. HSDS files are UTF-8: save the "
                    + "file as UTF-8 and upload it again.");
        }
    }
}
