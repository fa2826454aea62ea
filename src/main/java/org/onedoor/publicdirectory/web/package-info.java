/**
 * Public directory pages, which need no sign-in, and the staff inbox of contact requests.
 */
package org.onedoor.publicdirectory.web;
