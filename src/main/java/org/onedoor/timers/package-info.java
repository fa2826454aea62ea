/**
 * Durable timers: work scheduled for a later instant in the database, so that it still runs after a restart and
 * runs once however many OneDoor instances share the database.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Timers")
package org.onedoor.timers;
