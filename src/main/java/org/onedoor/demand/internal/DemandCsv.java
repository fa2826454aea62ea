package org.onedoor.demand.internal;

import java.io.IOException;
import java.io.Writer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.onedoor.demand.DemandReport;
import org.onedoor.demand.DemandReport.Row;
import org.onedoor.demand.DemandReport.UnmetRank;

/**
 * Writes the demand figures as one CSV table (RFC 4180). The column {@code section} names the breakdown a row
 * belongs to: {@code total}, {@code need_type}, {@code naics_sector}, {@code county}, {@code partner},
 * {@code month}, or {@code unmet_need_type} for the ranking of unmet needs, most first. Columns that do not apply
 * to a section are empty.
 */
public final class DemandCsv {

    public static final String[] HEADER = {"section", "code", "label", "needs_raised", "offers_made",
            "offers_accepted", "unmet_needs", "businesses_affected", "no_service", "no_capacity",
            "eligibility_unknown", "not_eligible"};

    private DemandCsv() {
    }

    public static void write(DemandReport report, Writer out) throws IOException {
        try (CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(HEADER).get().print(out)) {
            csv.printRecord("total", "", "All", report.totals().needsRaised(), report.totals().offersMade(),
                    report.totals().offersAccepted(), report.totals().unmetNeeds(), "", "", "", "", "");
            rows(csv, "need_type", report.byNeedType());
            rows(csv, "naics_sector", report.bySector());
            rows(csv, "county", report.byCounty());
            rows(csv, "partner", report.byPartner());
            rows(csv, "month", report.byMonth());
            for (UnmetRank rank : report.unmetByCount()) {
                csv.printRecord("unmet_need_type", rank.needCode(), rank.needLabel(), "", "", "", rank.unmetNeeds(),
                        rank.businessesAffected(), rank.noService(), rank.noCapacity(), rank.eligibilityUnknown(),
                        rank.notEligible());
            }
        }
    }

    private static void rows(CSVPrinter csv, String section, Iterable<Row> rows)
            throws IOException {
        for (Row row : rows) {
            csv.printRecord(section, row.code() == null ? "" : row.code(), row.label(), row.figures().needsRaised(),
                    row.figures().offersMade(), row.figures().offersAccepted(), row.figures().unmetNeeds(), "", "",
                    "", "", "");
        }
    }
}
