/**
 * Timer internals: the poller that claims and fires due timers.
 */
package org.onedoor.timers.internal;
