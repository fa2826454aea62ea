package org.onedoor.demand.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

import org.onedoor.demand.Demand;
import org.onedoor.demand.DemandFilter;
import org.onedoor.demand.DemandReport;
import org.onedoor.demand.DemandReport.Figures;
import org.onedoor.demand.DemandReport.Row;
import org.onedoor.demand.DemandReport.UnmetRank;
import org.onedoor.demand.UnmetNeed;
import org.onedoor.demand.UnmetReason;
import org.onedoor.demand.internal.DemandCsv;
import org.onedoor.demand.internal.DemandOptions;
import org.onedoor.demand.internal.DemandSettings;
import org.onedoor.directory.Directory;
import org.onedoor.eligibility.FactCatalog;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.InvalidInputException.FieldProblem;
import org.onedoor.shared.PageRequest;
import org.onedoor.shared.ResultPage;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demand analysis page for workforce board analysts, its CSV download and the unmet needs log. Every signed-in
 * staff member may read them, because the figures are counts and the log names only businesses of the shared
 * profile.
 */
@Controller
class DemandPageController {

    private final Demand demand;
    private final DemandOptions options;
    private final Directory directory;
    private final DemandSettings settings;
    private final JsonMapper json;

    DemandPageController(Demand demand, DemandOptions options, Directory directory, DemandSettings settings,
                         JsonMapper json) {
        this.demand = demand;
        this.options = options;
        this.directory = directory;
        this.settings = settings;
        this.json = json;
    }

    /** The filters as request parameters give them, shown back in the form as entered. */
    record FilterForm(Long area, String from, String to, String needType, String sector, String county,
                      Long partner) {

        DemandFilter parse() {
            return DemandFilter.parse(area, from, to, needType, sector, county, partner);
        }

        /** Adds the filters that are set to a URL, so the download and page links keep them. */
        String url(String path) {
            UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
            add(builder, "area", area);
            add(builder, "from", from);
            add(builder, "to", to);
            add(builder, "needType", needType);
            add(builder, "sector", sector);
            add(builder, "county", county);
            add(builder, "partner", partner);
            return builder.encode().build().toUriString();
        }

        private static void add(UriComponentsBuilder builder, String name, Object value) {
            if (value != null && !value.toString().isBlank()) {
                builder.queryParam(name, value);
            }
        }
    }

    /** Data of one chart. The table after each chart shows the same figures. */
    record Chart(List<String> categories, List<Series> series) {
    }

    record Series(String name, List<Long> values) {
    }

    @GetMapping("/demand")
    String analysis(FilterForm form, Model model, HttpServletResponse response) {
        addFilterChoices(form, model);
        try {
            DemandReport report = demand.report(form.parse());
            model.addAttribute("report", report);
            model.addAttribute("monthChart", json.writeValueAsString(figuresChart(report.byMonth())));
            model.addAttribute("needChart", json.writeValueAsString(figuresChart(report.byNeedType())));
            model.addAttribute("unmetChart", json.writeValueAsString(unmetChart(report.unmetByCount())));
            model.addAttribute("errors", Map.of());
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", errors(e));
        }
        model.addAttribute("csvUrl", form.url("/demand/export.csv"));
        model.addAttribute("unmetUrl", form.url("/demand/unmet"));
        return "demand/analysis";
    }

    @GetMapping(value = "/demand/export.csv")
    void csv(FilterForm form, HttpServletResponse response) throws IOException {
        DemandReport report = demand.report(form.parse());
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"onedoor-demand.csv\"");
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        DemandCsv.write(report, writer);
        writer.flush();
    }

    @GetMapping("/demand/unmet")
    String unmet(FilterForm form, @RequestParam(required = false) Integer page, Model model,
                 HttpServletResponse response) {
        addFilterChoices(form, model);
        model.addAttribute("zone", ZoneId.of(settings.timeZone()));
        try {
            PageRequest pageRequest = PageRequest.of(page, 50);
            ResultPage<UnmetNeed> entries = demand.unmetNeeds(form.parse(), pageRequest);
            model.addAttribute("entries", entries);
            String base = form.url("/demand/unmet");
            String separator = base.contains("?") ? "&" : "?";
            model.addAttribute("previousUrl", entries.hasPrevious() ? base + separator + "page=" + (entries.page() - 1)
                    : null);
            model.addAttribute("nextUrl", entries.hasNext() ? base + separator + "page=" + (entries.page() + 1) : null);
            model.addAttribute("errors", Map.of());
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", errors(e));
        }
        model.addAttribute("reasons", UnmetReason.values());
        model.addAttribute("analysisUrl", form.url("/demand"));
        return "demand/unmet";
    }

    private void addFilterChoices(FilterForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("areas", options.areas());
        model.addAttribute("counties", options.counties());
        model.addAttribute("partners", directory.partners());
        model.addAttribute("needTypes", FactCatalog.NEEDS);
        model.addAttribute("sectors", FactCatalog.NAICS_SECTORS);
        model.addAttribute("timeZone", settings.timeZone());
    }

    private static Chart figuresChart(List<Row> rows) {
        List<String> categories = rows.stream().map(Row::label).toList();
        return new Chart(categories, List.of(
                series("Needs raised", rows, Figures::needsRaised),
                series("Offers made", rows, Figures::offersMade),
                series("Offers accepted", rows, Figures::offersAccepted),
                series("Unmet needs", rows, Figures::unmetNeeds)));
    }

    private static Series series(String name, List<Row> rows, ToLongFunction<Figures> value) {
        return new Series(name, rows.stream().map(row -> value.applyAsLong(row.figures())).toList());
    }

    private static Chart unmetChart(List<UnmetRank> ranks) {
        return new Chart(ranks.stream().map(UnmetRank::needLabel).toList(), List.of(
                new Series("Unmet needs", ranks.stream().map(UnmetRank::unmetNeeds).toList()),
                new Series("Businesses affected", ranks.stream().map(UnmetRank::businessesAffected).toList())));
    }

    private static Map<String, String> errors(InvalidInputException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldProblem problem : e.problems()) {
            errors.merge(problem.field(), problem.message(), (first, second) -> first + " " + second);
        }
        return errors;
    }
}
