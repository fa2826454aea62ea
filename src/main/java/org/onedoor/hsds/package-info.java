/**
 * The directory as Open Referral HSDS 3.1: the public read-only API under {@code /hsds/}, the tabular data package
 * export, and the import of HSDS data packages, HSDS JSON and Ohana API CSV files into a workforce area.
 */
@org.springframework.modulith.ApplicationModule(displayName = "HSDS")
package org.onedoor.hsds;
