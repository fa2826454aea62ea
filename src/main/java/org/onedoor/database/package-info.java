/**
 * Starts the embedded PostgreSQL server when no external database is configured, and runs the demo data migrations.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Database")
package org.onedoor.database;
