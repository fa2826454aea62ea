package org.onedoor.directory.web;

/** One entry of a select list on a directory page. */
record Option(String value, String label) {
}
