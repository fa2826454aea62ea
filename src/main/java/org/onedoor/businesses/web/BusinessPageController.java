package org.onedoor.businesses.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.onedoor.businesses.BusinessMatch;
import org.onedoor.businesses.BusinessSearch;
import org.onedoor.shared.NotFoundException;
import org.onedoor.shared.PageRequest;
import org.onedoor.shared.ResultPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/** The business search page, its CSV download and the business page; the JSON API is BusinessApiController. */
@Controller
class BusinessPageController {

    // Rows in one CSV download; a larger result list is cut here and says so in its last row.
    static final int MAX_CSV_ROWS = 50_000;

    private final BusinessSearch search;

    BusinessPageController(BusinessSearch search) {
        this.search = search;
    }

    @GetMapping("/businesses")
    String list(@RequestParam(name = "q", required = false) String query,
                @RequestParam(name = "page", required = false) Integer page,
                @RequestParam(name = "size", required = false) Integer size, Model model) {
        ResultPage<BusinessMatch> results = search.search(query, PageRequest.of(page, size));

        model.addAttribute("query", query == null ? "" : query.strip());
        model.addAttribute("results", results);
        return "businesses/list";
    }

    @GetMapping("/businesses.csv")
    void download(@RequestParam(name = "q", required = false) String query, HttpServletResponse response)
            throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"businesses.csv\"");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());

        Writer writer = response.getWriter();
        try (CSVPrinter csv = CSVFormat.DEFAULT.builder()
                .setHeader("id", "legal_name", "trade_names", "fein", "address", "phone", "match_reason")
                .get()
                .print(writer)) {
            int written = 0;
            for (int page = 0; ; page++) {
                ResultPage<BusinessMatch> results = search.search(query, new PageRequest(page, PageRequest.MAX_SIZE));
                for (BusinessMatch match : results.items()) {
                    if (written == MAX_CSV_ROWS) {
                        csv.printRecord("", "List cut at " + MAX_CSV_ROWS + " of " + results.total()
                                + " businesses. Narrow the search to download the rest.", "", "", "", "", "");
                        return;
                    }
                    csv.printRecord(match.id(), match.legalName(), String.join("; ", match.tradeNames()),
                            match.fein(), match.address(), match.phone(), match.reason());
                    written++;
                }
                if (!results.hasNext()) {
                    return;
                }
            }
        }
    }

    @GetMapping("/businesses/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("business", search.findProfile(id).orElseThrow(() -> NotFoundException.of("Business", id)));
        model.addAttribute("timeFormat", timeFormat());
        return "businesses/detail";
    }

    // NOTE: times show in the server's zone; showing them in the signed-in user's office zone needs that zone.
    private static DateTimeFormatter timeFormat() {
        return DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm a z", Locale.US).withZone(ZoneId.systemDefault());
    }
}
