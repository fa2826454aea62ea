/**
 * The service directory: workforce areas, partners, their offices, programs and the services they offer businesses.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Directory")
package org.onedoor.directory;
