package org.onedoor.businesses;

import java.util.List;
import java.util.Map;

/**
 * A business read from an outside source, cleaned but not yet matched against the profiles.
 *
 * @param legalName required; the name with any trade name split off
 * @param tradeNames trade names ("doing business as"), possibly empty
 * @param fein federal employer identification number as {@code 12-3456789}, or {@code null}
 * @param naicsCode a NAICS 2022 code that exists, or {@code null}
 * @param phone the phone number exactly as entered, or {@code null}
 * @param phoneE164 the phone in E.164 form such as {@code +15742322277}, or {@code null} when it did not parse
 * @param phoneExtension the extension digits, or {@code null}
 * @param address the establishment address, or {@code null}
 * @param facts other source facts worth keeping on the source record (licence type, status, start date...)
 */
public record IncomingBusiness(String legalName, List<String> tradeNames, String fein, String naicsCode,
                               String website, String phone, String phoneE164, String phoneExtension,
                               IncomingAddress address, Map<String, String> facts) {

    public IncomingBusiness {
        tradeNames = tradeNames == null ? List.of() : List.copyOf(tradeNames);
        facts = facts == null ? Map.of() : Map.copyOf(facts);
    }
}
