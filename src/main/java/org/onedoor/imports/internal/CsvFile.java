package org.onedoor.imports.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.InvalidInputException.FieldProblem;

/**
 * A decoded CSV file read as a header and records that know the line they start on. The syntax is RFC 4180:
 * commas, double quotes and line breaks inside quoted fields, CRLF or LF line ends, and a last record with or
 * without a newline.
 */
public final class CsvFile {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(false)
            .get();

    private final String text;
    private final int[] lineStarts;
    private final List<String> headers;

    private CsvFile(String text) {
        this.text = text;
        this.lineStarts = lineStarts(text);
        this.headers = readHeaders(text);
    }

    /**
     * Reads the header of the text.
     *
     * @throws InvalidInputException when the file is empty or a header is repeated, naming the header and the fix
     */
    public static CsvFile of(String text) {
        return new CsvFile(text);
    }

    public List<String> headers() {
        return headers;
    }

    /** Returns the records after the header, read lazily, so a large file is not held twice in memory. */
    public Iterable<SourceRow> rows() {
        return () -> new RowIterator(parser());
    }

    private CSVParser parser() {
        try {
            return CSVParser.parse(new StringReader(text), FORMAT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> readHeaders(String text) {
        List<String> headers;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw new InvalidInputException("file", "The file is empty. Upload a CSV file whose first line names the columns.");
            }
            headers = new ArrayList<>(records.next().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            String header = headers.get(i).strip();
            if (header.isEmpty()) {
                header = "Column " + (i + 1);
            }
            headers.set(i, header);
            Integer earlier = seen.putIfAbsent(header, i + 1);
            if (earlier != null) {
                problems.add(new FieldProblem(header, "Header '" + header + "' appears twice, in columns " + earlier
                        + " and " + (i + 1) + ". Rename one of them in the file and upload it again."));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return List.copyOf(headers);
    }

    /** Returns the offset of the first character of each physical line; CRLF, LF and a lone CR each end a line. */
    private static int[] lineStarts(String text) {
        int[] starts = new int[1024];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineEnd = c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'));
            if (lineEnd) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    private int lineOf(long characterPosition) {
        int index = Arrays.binarySearch(lineStarts, (int) characterPosition);
        return index >= 0 ? index + 1 : -index - 1;
    }

    private final class RowIterator implements Iterator<SourceRow> {

        private final CSVParser parser;
        private final Iterator<CSVRecord> records;

        RowIterator(CSVParser parser) {
            this.parser = parser;
            this.records = parser.iterator();
            if (records.hasNext()) {
                records.next();
            }
        }

        @Override
        public boolean hasNext() {
            boolean more = records.hasNext();
            if (!more) {
                closeQuietly();
            }
            return more;
        }

        @Override
        public SourceRow next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            CSVRecord record = records.next();
            return new SourceRow(lineOf(record.getCharacterPosition()), record.toList());
        }

        private void closeQuietly() {
            try {
                parser.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
