package org.onedoor.engagement.internal;

import org.onedoor.identity.CurrentUser;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The coordination window of each workforce area. OneDoor has no area administrator role yet, so the
 * installation's administrators set it.
 */
@Service
@Transactional
public class AreaSettings {

    public static final int DEFAULT_WINDOW_DAYS = 30;
    public static final int MAX_WINDOW_DAYS = 365;

    private static final Logger log = LoggerFactory.getLogger(AreaSettings.class);

    private final JdbcClient jdbc;

    AreaSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record AreaWindow(long areaId, String areaName, int windowDays, boolean isDefault) {
    }

    @Transactional(readOnly = true)
    public AreaWindow window(long areaId) {
        return jdbc.sql("""
                        SELECT a.id, a.name, s.coordination_window_days
                        FROM workforce_area a LEFT JOIN area_engagement_setting s ON s.area_id = a.id
                        WHERE a.id = :id""")
                .param("id", areaId)
                .query((row, n) -> {
                    Integer days = row.getObject("coordination_window_days", Integer.class);
                    return new AreaWindow(row.getLong("id"), row.getString("name"),
                            days == null ? DEFAULT_WINDOW_DAYS : days, days == null);
                })
                .optional()
                .orElseThrow(() -> NotFoundException.of("Workforce area", areaId));
    }

    /**
     * Sets an area's window in days.
     *
     * @throws AccessDeniedException unless the user is an administrator
     * @throws InvalidInputException for a window outside 1 to 365 days
     */
    public AreaWindow setWindow(long areaId, Integer days, CurrentUser actor) {
        window(areaId);
        if (!actor.isAdministrator()) {
            throw new AccessDeniedException("Only administrators may set an area's coordination window.");
        }
        if (days == null || days < 1 || days > MAX_WINDOW_DAYS) {
            throw new InvalidInputException("windowDays", "Window " + days + " is invalid. Enter a whole number of "
                    + "days from 1 to " + MAX_WINDOW_DAYS + "; the default is " + DEFAULT_WINDOW_DAYS + ".");
        }

        jdbc.sql("""
                        INSERT INTO area_engagement_setting (area_id, coordination_window_days, updated_by)
                        VALUES (:areaId, :days, :actor)
                        ON CONFLICT (area_id) DO UPDATE SET coordination_window_days = EXCLUDED.coordination_window_days,
                            updated_by = EXCLUDED.updated_by, updated_at = now()""")
                .param("areaId", areaId)
                .param("days", days)
                .param("actor", actor.id())
                .update();

        log.info("User {} set the coordination window of area {} to {} days", actor.id(), areaId, days);
        return window(areaId);
    }
}
