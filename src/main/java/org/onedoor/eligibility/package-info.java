/**
 * Eligibility rules of services, written in CEL over the facts of the shared business profile, their evaluation for
 * one business, and the services panel of the business page.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Eligibility")
package org.onedoor.eligibility;
