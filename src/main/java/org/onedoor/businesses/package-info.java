/**
 * The shared business profile: businesses, their trade names and establishments, the source records they came
 * from, their change history, matching of incoming records, and search.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Businesses")
package org.onedoor.businesses;
