/**
 * Staff accounts, roles, sign-in and the security rules for pages and the API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package org.onedoor.identity;
