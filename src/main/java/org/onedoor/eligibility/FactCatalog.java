package org.onedoor.eligibility;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.onedoor.businesses.HiringNeeds;

/**
 * Every fact an eligibility rule may use, and the needs by which staff filter the services panel. Rules that name
 * anything else are rejected when they are saved.
 */
public final class FactCatalog {

    /**
     * NAICS 2022 sectors with their two-digit codes. Manufacturing, retail trade and transportation span several
     * two-digit codes, written as ranges (31-33, 44-45, 48-49) as the NAICS manual writes them.
     */
    public static final Map<String, String> NAICS_SECTORS = sectors();

    /** Establishment size classes of the BLS Quarterly Census of Employment and Wages, with their smallest count. */
    public static final Map<String, Integer> EMPLOYEE_BANDS = bands();

    public static final List<Fact> FACTS = List.of(
            new Fact("naics_code", FactType.STRING, "NAICS 2022 code",
                    "What is the business's NAICS 2022 industry code?", Map.of()),
            new Fact("naics_sector", FactType.STRING, "NAICS sector",
                    "What is the business's NAICS 2022 industry code? The sector comes from it.", NAICS_SECTORS),
            new Fact("employee_band", FactType.STRING, "Employee count band",
                    "How many people does the business employ?", bandChoices()),
            new Fact("employee_band_min", FactType.INT, "Employee count (smallest count of the band)",
                    "How many people does the business employ?", Map.of()),
            new Fact("ownership_type", FactType.STRING, "Ownership type",
                    "Is the business for-profit, nonprofit or public?",
                    ordered("FOR_PROFIT", "For-profit", "NONPROFIT", "Nonprofit", "PUBLIC", "Public")),
            new Fact("establishment_counties", FactType.STRING_LIST, "Counties of its establishments (FIPS codes)",
                    "In which county is each of the business's establishments?", Map.of()),
            new Fact("in_service_area", FactType.BOOL, "Has an establishment in the service's area",
                    "In which county is each of the business's establishments?", Map.of()),
            new Fact("years_in_operation", FactType.INT, "Years in operation",
                    "In which year did the business start?", Map.of()),
            new Fact("layoff_announced", FactType.BOOL, "Layoff or closure announced",
                    "Has the business announced a layoff or closure?", Map.of()),
            new Fact("hiring_needs", FactType.STRING_LIST, "Hiring needs",
                    "What kinds of workers does the business plan to hire?", HiringNeeds.KINDS),
            new Fact("hourly_wage_offered", FactType.DOUBLE, "Hourly wage offered (US dollars)",
                    "What hourly wage does the business offer, in US dollars?", Map.of()),
            new Fact("hires_people_with_disabilities", FactType.BOOL, "Willing to hire people with disabilities",
                    "Is the business willing to hire people with disabilities?", Map.of()),
            new Fact("hires_veterans", FactType.BOOL, "Willing to hire veterans",
                    "Is the business willing to hire veterans?", Map.of()));

    /**
     * The shared list of need types: the needs a needs assessment raises and by which staff filter the services
     * panel, each with the federal employer service categories whose definitions (reference data) cover it. Stored
     * codes never change meaning, so codes are only added.
     */
    public static final List<Need> NEEDS = List.of(
            new Need("HIRE", "Find and hire workers", List.of("workforce-recruitment", "untapped-labor-pools")),
            new Need("TRAIN_NEW_HIRES", "Train new hires", List.of("training")),
            new Need("TRAIN_CURRENT_WORKERS", "Train current workers", List.of("incumbent-worker-training")),
            new Need("LAYOFF", "Plan for or respond to a layoff", List.of("rapid-response", "planning-layoff-response")),
            new Need("INFORMATION", "Information and advice", List.of("employer-information")),
            new Need("PLANNING", "Plan with other employers and economic development", List.of("strategic-planning")),
            new Need("RETAIN", "Keep workers and reduce turnover",
                    List.of("incumbent-worker-training", "employer-information")),
            new Need("AVERT_LAYOFF", "Avert a layoff or restructure without one",
                    List.of("planning-layoff-response", "incumbent-worker-training")),
            new Need("INCLUSIVE_HIRING", "Hire from groups the business does not usually reach",
                    List.of("untapped-labor-pools")),
            new Need("ACCESSIBILITY", "Make the workplace accessible and accommodate workers",
                    List.of("untapped-labor-pools", "employer-information")),
            new Need("TAX_CREDITS", "Claim hiring tax credits and incentives", List.of("employer-information")),
            new Need("EXPAND", "Expand, open a new site or relocate",
                    List.of("strategic-planning", "workforce-recruitment")));

    /** A need of a business, met by services of the given employer service categories. */
    public record Need(String code, String label, List<String> categoryCodes) {
    }

    private FactCatalog() {
    }

    public static Optional<Fact> find(String name) {
        return FACTS.stream().filter(fact -> fact.name().equals(name)).findFirst();
    }

    public static Optional<Need> need(String code) {
        return NEEDS.stream().filter(need -> need.code().equals(code)).findFirst();
    }

    /** Returns the fact names, comma separated, for messages that list what a rule may use. */
    public static String names() {
        return String.join(", ", FACTS.stream().map(Fact::name).toList());
    }

    /** Returns the sector code of a NAICS code, such as {@code 31-33} for {@code 332710}. */
    public static String sectorOf(String naicsCode) {
        String twoDigits = naicsCode.substring(0, 2);
        return switch (twoDigits) {
            case "31", "32", "33" -> "31-33";
            case "44", "45" -> "44-45";
            case "48", "49" -> "48-49";
            default -> twoDigits;
        };
    }

    private static Map<String, String> sectors() {
        return ordered("11", "Agriculture, Forestry, Fishing and Hunting", "21", "Mining, Quarrying, and Oil and Gas Extraction",
                "22", "Utilities", "23", "Construction", "31-33", "Manufacturing", "42", "Wholesale Trade",
                "44-45", "Retail Trade", "48-49", "Transportation and Warehousing", "51", "Information",
                "52", "Finance and Insurance", "53", "Real Estate and Rental and Leasing",
                "54", "Professional, Scientific, and Technical Services", "55", "Management of Companies and Enterprises",
                "56", "Administrative and Support and Waste Management and Remediation Services",
                "61", "Educational Services", "62", "Health Care and Social Assistance",
                "71", "Arts, Entertainment, and Recreation", "72", "Accommodation and Food Services",
                "81", "Other Services (except Public Administration)", "92", "Public Administration");
    }

    private static Map<String, Integer> bands() {
        Map<String, Integer> bands = new LinkedHashMap<>();
        bands.put("1-4", 1);
        bands.put("5-9", 5);
        bands.put("10-19", 10);
        bands.put("20-49", 20);
        bands.put("50-99", 50);
        bands.put("100-249", 100);
        bands.put("250-499", 250);
        bands.put("500-999", 500);
        bands.put("1000+", 1000);
        return java.util.Collections.unmodifiableMap(bands);
    }

    private static Map<String, String> bandChoices() {
        Map<String, String> choices = new LinkedHashMap<>();
        EMPLOYEE_BANDS.keySet().forEach(band -> choices.put(band, band + " employees"));
        return choices;
    }

    private static Map<String, String> ordered(String... codesAndLabels) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < codesAndLabels.length; i += 2) {
            map.put(codesAndLabels[i], codesAndLabels[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
