/**
 * Directory internals: the catalog queries behind the pages and API, and the editing rules for partner administrators.
 */
package org.onedoor.directory.internal;
