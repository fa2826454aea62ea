package org.onedoor.imports.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Businesses for the large-database benchmark, each a pure function of its number and the seed, so the businesses
 * seeded into the database and the rows of the import file can refer to the same business. Names are real names
 * from the three licence lists with a distinguishing word, so many businesses share the words of a real name the
 * way chains and common names do; addresses spread over 1,800 streets in 20 cities with exact house numbers; phones
 * are valid US numbers in the cities' area codes.
 */
final class SyntheticBusinesses {

    /** One business as a source would describe it. */
    record Business(int number, String name, String street, String city, String state, String zip, String phoneDigits) {

        String phoneE164() {
            return "+1" + phoneDigits;
        }

        String phoneFormatted() {
            return phoneDigits.substring(0, 3) + "-" + phoneDigits.substring(3, 6) + "-" + phoneDigits.substring(6);
        }
    }

    private static final String[] CITIES = {"SOUTH BEND", "MISHAWAKA", "ELKHART", "GOSHEN", "FORT WAYNE", "LAPORTE",
            "MICHIGAN CITY", "PLYMOUTH", "WARSAW", "NILES", "LITTLE ROCK", "NORTH LITTLE ROCK", "CONWAY", "BENTON",
            "JACKSONVILLE", "KALAMAZOO", "PORTAGE", "BENTON HARBOR", "GARY", "VALPARAISO"};
    private static final String[] STATES = {"IN", "IN", "IN", "IN", "IN", "IN", "IN", "IN", "IN", "MI", "AR", "AR",
            "AR", "AR", "AR", "MI", "MI", "MI", "IN", "IN"};
    private static final String[] ZIP_PREFIXES = {"466", "465", "465", "465", "468", "463", "463", "465", "465", "491",
            "722", "721", "720", "720", "720", "490", "490", "490", "464", "463"};
    private static final String[] AREA_CODES = {"574", "574", "574", "574", "260", "219", "219", "574", "574", "269",
            "501", "501", "501", "501", "501", "269", "269", "269", "219", "219"};
    private static final String[] DIRECTIONS = {"", "N ", "S ", "E ", "W "};
    private static final String[] STREET_NAMES = {"MARION", "MICHIGAN", "MAIN", "LINCOLN", "JEFFERSON", "WASHINGTON",
            "LASALLE", "COLFAX", "WAYNE", "IRELAND", "MIAMI", "IRONWOOD", "HICKORY", "GRAPE", "EDISON", "CLEVELAND",
            "CANTRELL", "RODNEY PARHAM", "UNIVERSITY", "MARKHAM", "CHESTER", "BROADWAY", "MCKINLEY", "SAMPLE",
            "OLIVE", "PORTAGE", "DIXIEWAY", "BENDIX", "LOGAN", "MERRIFIELD", "BYRKIT", "FELLOWS", "TWYCKENHAM",
            "ELWOOD", "HARRISON", "CHAPIN", "LAFAYETTE", "NILES", "ELM", "OAK", "MAPLE", "CEDAR", "PINE", "WALNUT",
            "CHESTNUT", "SYCAMORE", "POPLAR", "WILLOW", "BIRCH", "SPRUCE", "PARK", "LAKE", "HILL", "RIVER",
            "CHURCH", "MILL", "SCHOOL", "MARKET", "HIGH", "CENTER"};
    private static final String[] SUFFIXES = {"ST", "AVE", "RD", "BLVD", "DR", "LN"};
    private static final String[] LEGAL_FORMS = {"", "", "", " LLC", " INC", " Inc.", " CORP", " L.L.C."};

    private final List<String> realNames;
    private final long seed;

    SyntheticBusinesses(long seed) {
        this.realNames = realNames();
        this.seed = seed;
    }

    /** Returns business number {@code number}; the same number and seed always give the same business. */
    Business business(int number) {
        Random random = new Random(seed * 1_000_003L + number);
        int city = random.nextInt(CITIES.length);
        String base = realNames.get(random.nextInt(realNames.size()));
        String name = base + " " + Integer.toString(number, 36).toUpperCase(Locale.ROOT)
                + LEGAL_FORMS[random.nextInt(LEGAL_FORMS.length)];
        String street = (1 + random.nextInt(9_999)) + " " + DIRECTIONS[random.nextInt(DIRECTIONS.length)]
                + STREET_NAMES[random.nextInt(STREET_NAMES.length)] + " " + SUFFIXES[random.nextInt(SUFFIXES.length)];
        String zip = ZIP_PREFIXES[city] + String.format("%02d", random.nextInt(100));
        String phone = AREA_CODES[city] + (200 + random.nextInt(700)) + String.format("%04d", random.nextInt(10_000));
        return new Business(number, name, street, CITIES[city], STATES[city], zip, phone);
    }

    /**
     * Writes a licence list of {@code rows} records in the header of {@link LicenceListGenerator}: about
     * {@code existingShare} of the businesses are taken from the numbers below {@code existing} (already in the
     * database) and written once, in another spelling; the others are new businesses numbered from {@code existing}
     * up, each written for 1 to 3 licence years, as real renewal lists are.
     */
    void writeImportFile(Path target, int rows, int existing, double existingShare) throws IOException {
        Random random = new Random(seed + 7);
        Files.createDirectories(target.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(target);
             Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get())) {
            printer.printRecord((Object[]) LicenceListGenerator.HEADER);
            int written = 0;
            int next = existing;
            while (written < rows) {
                if (random.nextDouble() < existingShare) {
                    Business known = business(random.nextInt(existing));
                    printer.printRecord(record(respelled(known, random), 2025, random));
                    written++;
                    continue;
                }
                Business fresh = business(next++);
                int years = 1 + random.nextInt(3);
                for (int year = 0; year < years && written < rows; year++) {
                    printer.printRecord(record(fresh, 2022 + year, random));
                    written++;
                }
            }
        }
    }

    /** Another spelling of a known business, as a second source writes it: case, legal form and phone format. */
    static Business respelled(Business business, Random random) {
        String name = switch (random.nextInt(4)) {
            case 0 -> business.name().toLowerCase(Locale.ROOT);
            case 1 -> business.name().replaceAll("( LLC| INC| Inc\\.| CORP| L\\.L\\.C\\.)$", "") + " Inc";
            case 2 -> business.name().replace(" ", "  ");
            default -> business.name();
        };
        String street = random.nextBoolean() ? business.street() : business.street().replace(" ST", " STREET")
                .replace(" AVE", " AVENUE").replace(" RD", " ROAD");
        return new Business(business.number(), name, street, business.city(), business.state(), business.zip(),
                business.phoneDigits());
    }

    private static List<String> record(Business business, int year, Random random) {
        String phone = switch (random.nextInt(10)) {
            case 0 -> "NA";
            case 1 -> business.phoneDigits();
            case 2 -> "(" + business.phoneDigits().substring(0, 3) + ") " + business.phoneFormatted().substring(4);
            default -> business.phoneFormatted();
        };
        List<String> record = new ArrayList<>();
        record.add("Restaurant (A-M) License");
        record.add(business.name());
        record.add(business.street());
        record.add(business.street() + " \n" + business.city() + " " + business.state() + "  " + business.zip());
        record.add("ACTIVE");
        record.add(business.city());
        record.add(business.state());
        record.add(business.zip());
        record.add(phone);
        record.add(String.valueOf(year));
        record.add("LIC" + year + "-" + business.number());
        record.add((1 + random.nextInt(12)) + "/" + (1 + random.nextInt(28)) + "/" + String.format("%02d", random.nextInt(100)));
        return record;
    }

    private static List<String> realNames() {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        names.addAll(column("licence-lists/south-bend-in.csv", "Business Name"));
        names.addAll(column("licence-lists/little-rock-ar.csv", "Business"));
        names.addAll(column("licence-lists/langley-bc.csv", "Business_Name"));
        return new ArrayList<>(names);
    }

    private static List<String> column(String resource, String header) {
        try (InputStream in = SyntheticBusinesses.class.getResourceAsStream("/" + resource);
             CSVParser parser = CSVParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\uFEFF", ""),
                     CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            List<String> values = new ArrayList<>();
            for (CSVRecord record : parser) {
                // Names with a DBA part would split into two names; the benchmark wants one name per business.
                String value = record.get(header).strip();
                if (!value.isEmpty() && value.length() <= 40 && !value.toUpperCase(Locale.ROOT).contains("DBA")) {
                    values.add(value);
                }
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
