package org.onedoor.businesses;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Reads the City of South Bend licence list from the test resources and registers every row once per test JVM.
 * Values are cleaned the way an import does: "NA" is no value, phones parse to E.164, and 9-digit ZIP codes get
 * their dash.
 */
final class SouthBendLicences {

    static final String RESOURCE = "/licence-lists/south-bend-in.csv";
    static final String SOURCE_NAME = "south-bend-in.csv";
    static final int ROW_COUNT = 3_344;

    private static final Set<String> NO_VALUE = Set.of("", "NA", "N/A", "NONE");
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    /** One row with the registration it got. */
    record RegisteredRow(long lineNumber, IncomingBusiness business, Registration registration) {
    }

    private static List<RegisteredRow> registered;

    private SouthBendLicences() {
    }

    /** Registers all rows the first time it is called in this JVM and returns the rows with their outcomes. */
    static synchronized List<RegisteredRow> registerAll(BusinessRegistry registry) {
        if (registered == null) {
            List<RegisteredRow> rows = new ArrayList<>();
            for (Row row : read()) {
                Registration registration = registry.register(row.business(), row.source());
                rows.add(new RegisteredRow(row.source().lineNumber(), row.business(), registration));
            }
            registered = List.copyOf(rows);
        }
        return registered;
    }

    record Row(IncomingBusiness business, SourceReference source) {
    }

    static List<Row> read() {
        try (InputStream in = SouthBendLicences.class.getResourceAsStream(RESOURCE);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                     .parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<Row> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                rows.add(toRow(record));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Row toRow(CSVRecord record) {
        Map<String, String> raw = new LinkedHashMap<>(record.toMap());
        String phone = value(record.get("Phone No."));
        String e164 = null;
        String extension = null;
        if (phone != null) {
            try {
                PhoneNumber parsed = PHONES.parse(phone, "US");
                if (PHONES.isValidNumber(parsed)) {
                    e164 = PHONES.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164);
                    extension = parsed.hasExtension() ? parsed.getExtension() : null;
                }
            } catch (NumberParseException e) {
                e164 = null;
            }
        }
        IncomingAddress address = new IncomingAddress(value(record.get("Street Address")), null,
                value(record.get("City")), value(record.get("State")), zip(record.get("Zip Code")), "US", null);
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("licenceType", record.get("License Type"));
        facts.put("status", record.get("Status"));
        facts.put("year", record.get("year"));
        facts.put("licenceNumber", record.get("LicenceNumber"));

        IncomingBusiness business = new IncomingBusiness(record.get("Business Name").strip(), List.of(), null, null,
                null, phone, e164, extension, address, facts);
        // No row of this file spans two lines, so the physical line is the record number plus the header line.
        long lineNumber = record.getRecordNumber() + 1;
        return new Row(business, new SourceReference("IMPORT_ROW", SOURCE_NAME, null, lineNumber, raw, null, null));
    }

    private static String value(String cell) {
        String stripped = cell == null ? "" : cell.strip();
        return NO_VALUE.contains(stripped.toUpperCase()) ? null : stripped;
    }

    private static String zip(String cell) {
        String digits = cell == null ? "" : cell.strip();
        if (digits.matches("[0-9]{5}") || digits.matches("[0-9]{5}-[0-9]{4}")) {
            return digits;
        }
        if (digits.matches("[0-9]{9}")) {
            return digits.substring(0, 5) + "-" + digits.substring(5);
        }
        return null;
    }
}
