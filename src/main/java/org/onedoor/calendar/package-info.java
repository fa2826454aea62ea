/**
 * Business days: US federal holidays computed by rule, each area's changes to them, due times counted in business
 * days in an office's time zone, and the time zone and format in which a staff member reads a time.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Calendar")
package org.onedoor.calendar;
