/**
 * The public directory: service search and service pages for businesses without sign-in, the form to ask to be
 * contacted, and the staff inbox of the requests it sends.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Public directory")
package org.onedoor.publicdirectory;
