package org.onedoor.imports.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.onedoor.businesses.IncomingAddress;
import org.onedoor.businesses.IncomingBusiness;

/**
 * Turns one CSV record into an {@link IncomingBusiness} under a column mapping. Every non-empty cell that does not
 * reach the business as given is either normalized (ZIP+4, E.164 phone, ISO date) or reported as a warning. The
 * record's cells are always kept unchanged as its raw values.
 */
public final class RowCleaner {

    private static final Pattern FEIN = Pattern.compile("(\\d{2})-?(\\d{7})");
    private static final Pattern STATE_CODE = Pattern.compile("[A-Za-z]{2}");
    private static final Pattern LAST_ADDRESS_LINE = Pattern.compile(
            "(.*\\S)\\s+([A-Z]{2})\\s+([A-Z]\\d[A-Z]\\s*\\d[A-Z]\\d|\\d{5}(?:-\\d{4})?)");

    private final ColumnMapping mapping;
    private final DateFormatChoice dateFormat;
    private final String sourceCountry;
    private final Integer nameLengthLimit;
    private final Predicate<String> naicsExists;

    /**
     * @param sourceCountry ISO 3166-1 alpha-2 country of rows that do not name one
     * @param nameLengthLimit the length at which this file's names appear cut off, or {@code null}
     * @param naicsExists the test whether a code is in the NAICS 2022 table
     */
    public RowCleaner(ColumnMapping mapping, DateFormatChoice dateFormat, String sourceCountry, Integer nameLengthLimit,
                      Predicate<String> naicsExists) {
        this.mapping = mapping;
        this.dateFormat = dateFormat;
        this.sourceCountry = sourceCountry;
        this.nameLengthLimit = nameLengthLimit;
        this.naicsExists = naicsExists;
    }

    public CleanedRow clean(SourceRow row) {
        Record record = new Record(row);
        String nameHeader = mapping.headerOf(ImportField.LEGAL_NAME);
        String name = record.value(ImportField.LEGAL_NAME);
        if (name == null) {
            RowIssue rejection = RowIssue.rejection(row.lineNumber(), nameHeader, "",
                    "The legal name is empty. Enter the business name in column '" + nameHeader + "' and import the row again.");
            return new CleanedRow(row.lineNumber(), null, record.raw, record.warnings, rejection);
        }

        TradeNames.Split split = TradeNames.split(name);
        if (nameLengthLimit != null && name.codePointCount(0, name.length()) == nameLengthLimit) {
            record.warn(nameHeader, name, "Name '" + name + "' has exactly " + nameLengthLimit + " characters, the "
                    + "maximum that many names in this file share, so it may be cut off. Check the full name with the source.");
        }
        List<String> tradeNames = new ArrayList<>();
        if (split.tradeName() != null) {
            tradeNames.add(split.tradeName());
        }
        String tradeName = record.value(ImportField.TRADE_NAME);
        if (tradeName != null && !tradeNames.contains(tradeName)) {
            tradeNames.add(tradeName);
        }

        String country = country(record);
        IncomingBusiness business = new IncomingBusiness(split.legalName(), tradeNames, fein(record), naics(record),
                record.value(ImportField.WEBSITE), record.value(ImportField.PHONE), null, null, address(record, country),
                record.facts);
        business = withPhone(business, record, country);
        return new CleanedRow(row.lineNumber(), business, record.raw, record.warnings, null);
    }

    private String fein(Record record) {
        String value = record.value(ImportField.FEIN);
        if (value == null) {
            return null;
        }
        Matcher matcher = FEIN.matcher(value);
        if (matcher.matches()) {
            return matcher.group(1) + "-" + matcher.group(2);
        }
        record.warn(mapping.headerOf(ImportField.FEIN), value, "FEIN '" + value + "' is invalid: it needs 9 digits, "
                + "written 12-3456789. It is kept in the source record only.");
        return null;
    }

    private String naics(Record record) {
        String value = record.value(ImportField.NAICS);
        if (value == null) {
            return null;
        }
        if (naicsExists.test(value)) {
            return value;
        }
        record.facts.put("naics_code", value);
        record.warn(mapping.headerOf(ImportField.NAICS), value, "NAICS code '" + value + "' is not in the NAICS 2022 "
                + "table. It is kept as a source fact; choose a 2022 code, such as 541511, in the business profile.");
        return null;
    }

    private String country(Record record) {
        String value = record.value(ImportField.COUNTRY);
        if (value == null) {
            return sourceCountry;
        }
        String upper = value.toUpperCase(Locale.ROOT);
        switch (upper) {
            case "US", "USA", "UNITED STATES", "UNITED STATES OF AMERICA" -> {
                return "US";
            }
            case "CA", "CAN", "CANADA" -> {
                return "CA";
            }
            default -> {
                if (STATE_CODE.matcher(upper).matches()) {
                    return upper;
                }
                record.warn(mapping.headerOf(ImportField.COUNTRY), value, "Country '" + value + "' is not recognized. "
                        + "The row is read as " + sourceCountry + "; write the country as a two-letter ISO code such as US or CA.");
                return sourceCountry;
            }
        }
    }

    private IncomingBusiness withPhone(IncomingBusiness business, Record record, String country) {
        String phone = business.phone();
        if (phone == null) {
            return business;
        }
        PhoneNumbers.Result result = PhoneNumbers.normalize(phone, country);
        if (result.problem() != null) {
            record.warn(mapping.headerOf(ImportField.PHONE), phone, result.problem());
        }
        return new IncomingBusiness(business.legalName(), business.tradeNames(), business.fein(), business.naicsCode(),
                business.website(), phone, result.e164(), result.extension(), business.address(), record.facts);
    }

    private IncomingAddress address(Record record, String country) {
        String line1 = record.value(ImportField.ADDRESS_LINE1);
        if (line1 == null) {
            line1 = joined(record.value(ImportField.CIVIC_HOUSE), record.value(ImportField.CIVIC_STREET));
        }
        String line2 = record.value(ImportField.ADDRESS_LINE2);
        String unit = record.value(ImportField.CIVIC_UNIT);
        if (line2 == null && unit != null) {
            line2 = "Unit " + unit;
        }
        String city = record.value(ImportField.CITY);
        String stateHeader = mapping.headerOf(ImportField.STATE);
        String state = record.value(ImportField.STATE);
        String postalHeader = mapping.headerOf(ImportField.POSTAL_CODE);
        String postal = record.value(ImportField.POSTAL_CODE);

        String mailing = record.value(ImportField.MAILING_ADDRESS);
        if (mailing != null && city == null && state == null && postal == null) {
            Matcher last = LAST_ADDRESS_LINE.matcher(lastLine(mailing));
            if (last.matches()) {
                city = last.group(1);
                state = last.group(2);
                stateHeader = mapping.headerOf(ImportField.MAILING_ADDRESS);
                postal = last.group(3);
                postalHeader = stateHeader;
            }
        }

        state = state(record, stateHeader, state, country);
        if (postal != null) {
            ZipCodes.Result zip = ZipCodes.clean(postal, country);
            if (zip.problem() != null) {
                record.warn(postalHeader, postal, zip.problem() + " The address is kept without it.");
            }
            postal = zip.value();
        }
        if (line1 == null && line2 == null && city == null && state == null && postal == null) {
            return null;
        }
        return new IncomingAddress(line1, line2, city, state, postal, country, null);
    }

    private String state(Record record, String header, String state, String country) {
        if (state == null || !("US".equals(country) || "CA".equals(country))) {
            return state;
        }
        if (STATE_CODE.matcher(state).matches()) {
            return state.toUpperCase(Locale.ROOT);
        }
        record.warn(header, state, "State or province '" + state + "' is invalid: write its two-letter code, such as IN "
                + "or BC. The address is kept without it.");
        return null;
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\\R");
        return lines[lines.length - 1].strip();
    }

    private static String joined(String first, String second) {
        if (first == null) {
            return second;
        }
        return second == null ? first : first + " " + second;
    }

    /** One record being cleaned: its cells by header, the facts and warnings collected so far. */
    private final class Record {

        private final int lineNumber;
        private final Map<String, String> raw = new LinkedHashMap<>();
        private final Map<String, String> facts = new LinkedHashMap<>();
        private final List<RowIssue> warnings = new ArrayList<>();

        Record(SourceRow row) {
            this.lineNumber = row.lineNumber();
            List<String> headers = mapping.headers();
            for (int i = 0; i < headers.size(); i++) {
                String cell = row.cell(i);
                raw.put(headers.get(i), cell == null ? "" : cell);
            }
            for (int i = headers.size(); i < row.cells().size(); i++) {
                String cell = row.cell(i);
                raw.put("Column " + (i + 1), cell);
                if (!cell.isBlank()) {
                    warn("Column " + (i + 1), cell, "The record has " + row.cells().size() + " cells but the header has "
                            + headers.size() + ". The extra cell is kept in the source record only; check the quoting of this line.");
                }
            }
            if (row.cells().size() < headers.size()) {
                warn(null, null, "The record has " + row.cells().size() + " cells but the header has " + headers.size()
                        + ". The missing cells are read as empty; check the quoting of this line.");
            }
            collectFacts();
        }

        /** Returns the stripped cell of the column mapped to the field, or {@code null} when it is empty or unmapped. */
        String value(ImportField field) {
            String header = mapping.headerOf(field);
            if (header == null) {
                return null;
            }
            String cell = raw.get(header).strip();
            return cell.isEmpty() ? null : cell;
        }

        void warn(String column, String value, String reason) {
            warnings.add(RowIssue.warning(lineNumber, column, value, reason));
        }

        private void collectFacts() {
            mapping.fields().forEach((header, field) -> {
                String cell = raw.get(header);
                if (field == null || cell == null || cell.isBlank()) {
                    return;
                }
                String value = cell.strip();
                if (field == ImportField.FACT) {
                    facts.put(header, value);
                } else if (field == ImportField.START_DATE) {
                    Optional<LocalDate> date = dateFormat.parse(value);
                    if (date.isPresent()) {
                        facts.put(field.factKey(), date.get().toString());
                    } else {
                        warn(header, value, "Date '" + value + "' does not fit the chosen format " + dateFormat.code()
                                + " or YYYY-MM-DD. It is kept in the source record only; import again with the right date format.");
                    }
                } else if (field.factKey() != null) {
                    facts.put(field.factKey(), value);
                }
            });
        }
    }
}
