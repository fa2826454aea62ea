/**
 * Needs raised for businesses, the offer made at every door for each need, the log of needs that no service in
 * the area met, and the demand figures that workforce board analysts read.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demand")
package org.onedoor.demand;
