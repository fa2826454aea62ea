/**
 * Engagement with a business across partners: its account manager, the log of contacts and planned visits, the
 * coordination check that routes repeated sales visits and assessments through the account manager, and outreach
 * campaigns.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Engagement")
package org.onedoor.engagement;
