/**
 * Reference data shipped with every installation: NAICS 2022 industries, states and counties, the federal
 * programs of a one-stop system and the employer service categories of federal performance reporting.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reference data")
package org.onedoor.reference;
