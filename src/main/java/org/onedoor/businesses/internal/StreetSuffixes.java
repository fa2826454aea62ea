package org.onedoor.businesses.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The street suffixes of USPS Publication 28, Appendix C1, read from {@code businesses/usps-street-suffixes.csv}:
 * maps a folded full name, standard abbreviation or common variant to the folded standard abbreviation
 * ("street", "str" and "st" all to "st"). Full names and standard abbreviations win over variants, and a variant
 * listed for two suffixes is ignored.
 */
final class StreetSuffixes {

    private static final String RESOURCE = "/businesses/usps-street-suffixes.csv";
    private static final Map<String, String> ABBREVIATIONS = load();

    private StreetSuffixes() {
    }

    /** Returns the standard abbreviation for a folded word, or {@code null} when it is no street suffix. */
    static String standardAbbreviation(String foldedWord) {
        return ABBREVIATIONS.get(foldedWord);
    }

    static boolean isStandardAbbreviation(String foldedWord) {
        return foldedWord.equals(ABBREVIATIONS.get(foldedWord));
    }

    private static Map<String, String> load() {
        Map<String, String> primary = new HashMap<>();
        Map<String, String> variants = new HashMap<>();
        Set<String> ambiguousVariants = new HashSet<>();

        try (InputStream in = StreetSuffixes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Street suffix table " + RESOURCE + " is missing from the classpath");
            }
            for (CSVRecord row : CSVFormat.DEFAULT.parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String standard = TextFolding.fold(row.get(1));
                primary.put(TextFolding.fold(row.get(0)), standard);
                primary.put(standard, standard);
                for (int i = 2; i < row.size(); i++) {
                    String variant = TextFolding.fold(row.get(i));
                    if (variant.isEmpty()) {
                        continue;
                    }
                    String earlier = variants.putIfAbsent(variant, standard);
                    if (earlier != null && !earlier.equals(standard)) {
                        ambiguousVariants.add(variant);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Street suffix table " + RESOURCE + " could not be read", e);
        }

        // Common abbreviations that USPS Publication 28 lists but the table leaves out, mapped to their full name.
        Map<String, String> missing = Map.of("av", "avenue", "aven", "avenue", "avn", "avenue", "pkwy", "parkway",
                "pkway", "parkway", "boul", "boulevard", "strt", "street", "hiway", "highway", "hiwy", "highway");
        missing.forEach((variant, fullName) -> variants.putIfAbsent(variant, primary.get(fullName)));

        Map<String, String> abbreviations = new HashMap<>(primary);
        variants.forEach((variant, standard) -> {
            if (!ambiguousVariants.contains(variant)) {
                abbreviations.putIfAbsent(variant, standard);
            }
        });
        return Map.copyOf(abbreviations);
    }
}
