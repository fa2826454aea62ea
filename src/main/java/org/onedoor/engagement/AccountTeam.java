package org.onedoor.engagement;

import java.time.Instant;
import java.util.List;

/** A named team of one partner that can be a business's account manager; the lead is also a member. */
public record AccountTeam(long id, long partnerId, String partnerName, String name, long leadUserId,
                          String leadName, List<Long> memberUserIds, Instant createdAt) {
}
