/**
 * Public directory internals: the search and service queries, plain-language wording, and the handling of contact
 * requests from matching the business to the staff inbox.
 */
package org.onedoor.publicdirectory.internal;
