package org.onedoor.businesses;

import java.util.List;

/**
 * One search result.
 *
 * @param address the first establishment's address on one line, or {@code null}
 * @param phone the first establishment's phone as entered, or {@code null}
 * @param reason why the business matched, such as "Trade name 'CHINA MAX' matches 'china max'"; {@code null} when
 *               the list is not filtered
 */
public record BusinessMatch(long id, String legalName, List<String> tradeNames, String fein, String address,
                            String phone, String reason) {
}
