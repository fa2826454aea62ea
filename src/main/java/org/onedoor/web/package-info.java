/**
 * The web shell: the page layout, sign-in and home pages, administration pages that combine modules, and the
 * mapping of errors to pages and problem details.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web shell")
package org.onedoor.web;
