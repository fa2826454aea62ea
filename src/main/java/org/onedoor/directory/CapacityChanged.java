package org.onedoor.directory;

/**
 * Published on every OneDoor instance when a service's capacity changed on any instance of the same database.
 *
 * @param serviceId the service whose figures changed, or {@code null} when changes may have been missed (after
 *                  the notification connection was re-established) and every service should be read again
 */
public record CapacityChanged(Long serviceId) {

    public static CapacityChanged everyService() {
        return new CapacityChanged(null);
    }
}
