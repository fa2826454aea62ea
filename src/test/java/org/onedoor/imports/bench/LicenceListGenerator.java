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
import java.util.List;
import java.util.Random;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Writes a synthetic business licence list for the import benchmark, with the shapes and mess of the three real
 * lists in {@code src/test/resources/licence-lists}: a UTF-8 byte-order mark, CRLF line ends and no newline after the
 * last record, a quoted mailing address over two lines, names from the real lists with DBA parts and 50-character
 * cuts, junk phones ({@code NA}, 9 digits, {@code People - Work Phone}), one row per licence year for the same
 * business, ZIP+4 written three ways and 4-digit ZIP codes. The same seed gives the same file.
 *
 * <p>{@link ImportBenchmarkTest} runs it. On its own, after {@code mvn test-compile} and
 * {@code mvn dependency:build-classpath -Dmdep.outputFile=target/classpath.txt}:
 * {@code java -cp target/test-classes:$(cat target/classpath.txt) org.onedoor.imports.bench.LicenceListGenerator
 * target/bench/licences-100k.csv 100000}.
 */
public final class LicenceListGenerator {

    static final String[] HEADER = {"License Type", "Business Name", "Street Address", "Mailing_Address", "Status",
            "City", "State", "Zip Code", "Phone No.", "year", "LicenceNumber", "ACCOUNT START DATE"};

    private static final String[] LICENCE_TYPES = {"Restaurant (A-M) License", "Automotive Repair License",
            "Arborist License", "BEER PERMIT-RETAIL", "JANITORIAL SERVICES", "REAL ESTATE", "LAW FIRM"};
    private static final String[] STATUSES = {"RENEWED", "ACTIVE", "EXPIRED", "INACTIVE", "DENIED"};
    private static final String[] CITIES = {"SOUTH BEND", "LITTLE ROCK", "MISHAWAKA", "NILES", "JACKSONVILLE"};
    private static final String[] STATES = {"IN", "AR", "MI", "IN", "AR"};
    private static final String[] STREETS = {"W MARION ST", "CANTRELL RD", "S MICHIGAN ST", "N RODNEY PARHAM RD STE M",
            "E LASALLE AVE", "SYCAMORE ST.", "201 ST"};

    private LicenceListGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "target/bench/licences-100k.csv");
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        write(target, rows, 20_261_204L);
        System.out.println("Wrote " + rows + " rows to " + target.toAbsolutePath());
    }

    /** Writes {@code rows} records to {@code target}, creating its folder. */
    public static void write(Path target, int rows, long seed) throws IOException {
        List<String> names = realNames();
        Random random = new Random(seed);
        Files.createDirectories(target.toAbsolutePath().getParent());

        try (OutputStream out = Files.newOutputStream(target)) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get());
            printer.printRecord((Object[]) HEADER);
            int written = 0;
            int business = 0;
            while (written < rows) {
                String name = name(names, business, random);
                int years = 1 + random.nextInt(3);
                for (int year = 0; year < years && written < rows; year++) {
                    List<String> record = record(name, business, 2020 + year, random);
                    if (written == rows - 1) {
                        printLastWithoutNewline(printer, writer, record);
                    } else {
                        printer.printRecord(record);
                    }
                    written++;
                }
                business++;
            }
            printer.flush();
        }
    }

    private static List<String> record(String name, int business, int year, Random random) {
        int city = business % CITIES.length;
        String street = (100 + business % 9_000) + " " + STREETS[business % STREETS.length];
        String zip = zip(random);
        List<String> record = new ArrayList<>();
        record.add(LICENCE_TYPES[business % LICENCE_TYPES.length]);
        record.add(name);
        record.add(street);
        record.add(street + " \n" + CITIES[city] + " " + STATES[city] + "  " + zip);
        record.add(STATUSES[random.nextInt(STATUSES.length)]);
        record.add(CITIES[city]);
        record.add(STATES[city]);
        record.add(zip);
        record.add(phone(random));
        record.add(String.valueOf(year));
        record.add("LIC" + year + "-" + business);
        record.add((1 + random.nextInt(12)) + "/" + (1 + random.nextInt(28)) + "/" + String.format("%02d", random.nextInt(100)));
        return record;
    }

    /** Returns a real name, made unique per business so that most rows create a business and repeats match. */
    private static String name(List<String> names, int business, Random random) {
        String base = names.get(random.nextInt(names.size()));
        String unique = base + " " + Integer.toString(business, 36).toUpperCase();
        int roll = random.nextInt(100);
        if (roll < 3) {
            return unique + " -DBA: " + names.get(random.nextInt(names.size()));
        }
        if (roll < 5) {
            String full = unique + " DBA " + names.get(random.nextInt(names.size()));
            return full.substring(0, Math.min(50, full.length()));
        }
        return unique;
    }

    private static String zip(Random random) {
        int roll = random.nextInt(100);
        String five = String.format("%05d", random.nextInt(100_000));
        if (roll < 2) {
            return five.substring(1);
        }
        if (roll < 4) {
            return five + String.format("%04d", random.nextInt(10_000));
        }
        if (roll < 5) {
            return five + " " + String.format("%04d", random.nextInt(10_000));
        }
        if (roll < 6) {
            return five + "-" + String.format("%04d", random.nextInt(10_000));
        }
        return five;
    }

    private static String phone(Random random) {
        int roll = random.nextInt(100);
        String number = "574-" + (200 + random.nextInt(700)) + "-" + String.format("%04d", random.nextInt(10_000));
        if (roll < 7) {
            return "NA";
        }
        if (roll < 8) {
            return number.substring(0, number.length() - 1);
        }
        if (roll < 9) {
            return "People - Work Phone";
        }
        if (roll < 12) {
            return number.replace("-", "");
        }
        return number;
    }

    private static void printLastWithoutNewline(CSVPrinter printer, Writer writer, List<String> record) throws IOException {
        printer.flush();
        StringBuilder line = new StringBuilder();
        CSVFormat format = CSVFormat.RFC4180.builder().setRecordSeparator("").get();
        format.printRecord(line, record.toArray());
        writer.write(line.toString());
        writer.flush();
    }

    private static List<String> realNames() {
        List<String> names = new ArrayList<>();
        names.addAll(column("licence-lists/south-bend-in.csv", "Business Name"));
        names.addAll(column("licence-lists/little-rock-ar.csv", "Business"));
        names.addAll(column("licence-lists/langley-bc.csv", "Business_Name"));
        return names;
    }

    private static List<String> column(String resource, String header) {
        try (InputStream in = LicenceListGenerator.class.getResourceAsStream("/" + resource);
             CSVParser parser = CSVParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\uFEFF", ""),
                     CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            List<String> values = new ArrayList<>();
            for (CSVRecord record : parser) {
                String value = record.get(header).strip();
                if (!value.isEmpty() && value.length() <= 40) {
                    values.add(value);
                }
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
