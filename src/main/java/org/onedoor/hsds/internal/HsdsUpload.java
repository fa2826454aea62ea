package org.onedoor.hsds.internal;

/** One uploaded file: a zipped data package, a CSV file of one table, or an HSDS JSON document. */
public record HsdsUpload(String name, byte[] bytes) {
}
