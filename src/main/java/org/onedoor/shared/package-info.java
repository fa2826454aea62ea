/**
 * Exceptions and value types that every module uses to report not-found, invalid and conflicting requests.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.onedoor.shared;
