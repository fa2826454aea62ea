/**
 * The shared needs assessment: the area's versioned instrument, one valid assessment per business that every
 * partner accepts, and the needs it raises.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Needs assessment")
package org.onedoor.assessment;
