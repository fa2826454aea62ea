/**
 * Notifications to staff: messages inside OneDoor, and email written to a transactional outbox and sent in the
 * background over SMTP.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.onedoor.notifications;
