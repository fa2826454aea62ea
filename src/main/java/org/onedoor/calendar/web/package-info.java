/**
 * The holiday calendar page and API of each workforce area.
 */
package org.onedoor.calendar.web;
