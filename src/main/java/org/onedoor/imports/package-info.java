/**
 * Imports of business licence lists from CSV files: upload, column mapping, a background job queue shared by all
 * instances, and a per-row report of what was created, matched, rejected and flagged.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Imports")
package org.onedoor.imports;
