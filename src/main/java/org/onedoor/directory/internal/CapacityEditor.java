package org.onedoor.directory.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.onedoor.directory.CapacityUnit;
import org.onedoor.directory.Directory;
import org.onedoor.directory.ServiceCapacity;
import org.onedoor.shared.ConflictException;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.InvalidInputException.FieldProblem;
import org.onedoor.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sets and confirms the capacity of services. Only the owning partner's staff, administrators and partner
 * systems, and installation administrators, may change a service's capacity; anyone else gets
 * {@link AccessDeniedException}. Figures are checked here first, with a message naming the value and the fix, and
 * the table's check constraints stay the last line of defence.
 */
@Service
public class CapacityEditor {

    /** Largest maximum accepted: well inside PostgreSQL's {@code integer}, and above any real budget in dollars. */
    public static final long MAX_UNITS = 1_000_000_000L;
    public static final Duration MIN_FRESHNESS = Duration.ofHours(1);
    public static final Duration MAX_FRESHNESS = Duration.ofDays(365);

    private static final Logger log = LoggerFactory.getLogger(CapacityEditor.class);

    private final JdbcClient jdbc;
    private final Directory directory;

    CapacityEditor(JdbcClient jdbc, Directory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    /**
     * Replaces a service's unit, available units, maximum and freshness limit, and records who did it. Units
     * held or used by referrals stay as they are, so available plus held plus used may not exceed the maximum.
     *
     * @throws InvalidInputException when a figure is missing or out of range
     * @throws AccessDeniedException when the actor does not act for the service's partner
     * @throws NotFoundException     when the service does not exist
     */
    @Transactional
    public ServiceCapacity set(CapacityActor actor, long serviceId, CapacityFigures figures) {
        requireMayUpdate(actor, serviceId);
        CapacityUnit unit = checkFigures(figures);

        // The row lock keeps held and used units from changing between this check and the write.
        Commitments commitments = jdbc.sql("""
                        SELECT held_units, used_units FROM service_capacity WHERE service_id = :id FOR UPDATE""")
                .param("id", serviceId)
                .query(Commitments.class)
                .optional()
                .orElse(new Commitments(0, 0));
        long committed = commitments.heldUnits() + commitments.usedUnits();
        if (figures.available() + committed > figures.maximum()) {
            throw new InvalidInputException("available", "Available " + figures.available() + " is too high: "
                    + commitments.heldUnits() + " units are held for referrals and " + commitments.usedUnits()
                    + " are used, so with a maximum of " + figures.maximum() + " at most "
                    + Math.max(0, figures.maximum() - committed) + " can be available. Lower available or raise "
                    + "the maximum.");
        }

        try {
            jdbc.sql("""
                            INSERT INTO service_capacity (service_id, unit, maximum_units, available_units, freshness_limit,
                                                          updated_at, updated_by, updated_by_user)
                            VALUES (:id, :unit, :maximum, :available, make_interval(secs => :freshnessSeconds), now(),
                                    :by, :userId)
                            ON CONFLICT (service_id) DO UPDATE
                            SET unit = EXCLUDED.unit, maximum_units = EXCLUDED.maximum_units,
                                available_units = EXCLUDED.available_units, freshness_limit = EXCLUDED.freshness_limit,
                                updated_at = now(), updated_by = EXCLUDED.updated_by,
                                updated_by_user = EXCLUDED.updated_by_user""")
                    .param("id", serviceId)
                    .param("unit", unit.name())
                    .param("maximum", figures.maximum().intValue())
                    .param("available", figures.available().intValue())
                    .param("freshnessSeconds", figures.freshnessLimit().toSeconds())
                    .param("by", actor.displayName())
                    .param("userId", actor.userId())
                    .update();
        } catch (DataIntegrityViolationException e) {
            // Reached only if the checks above miss a case that the table's constraints catch.
            log.warn("The database rejected the capacity of service {}", serviceId, e);
            throw new InvalidInputException("available", "The figures were rejected: available, held and used units "
                    + "must each be zero or more and together at most the maximum. Check the figures and try again.");
        }

        log.info("{} set the capacity of service {} to {} of {} {}", actor.displayName(), serviceId,
                figures.available(), figures.maximum(), unit);
        return directory.capacity(serviceId);
    }

    /**
     * Confirms that a service's figures are still current, which restarts its freshness limit.
     *
     * @throws ConflictException     when the service has no figures yet
     * @throws AccessDeniedException when the actor does not act for the service's partner
     * @throws NotFoundException     when the service does not exist
     */
    @Transactional
    public ServiceCapacity confirm(CapacityActor actor, long serviceId) {
        requireMayUpdate(actor, serviceId);

        int updated = jdbc.sql("""
                        UPDATE service_capacity SET updated_at = now(), updated_by = :by, updated_by_user = :userId
                        WHERE service_id = :id""")
                .param("by", actor.displayName())
                .param("userId", actor.userId())
                .param("id", serviceId)
                .update();
        if (updated == 0) {
            throw new ConflictException("Service " + serviceId + " has no capacity figures yet, so there is nothing "
                    + "to confirm. Enter the available units and the maximum first.");
        }

        log.info("{} confirmed the capacity of service {}", actor.displayName(), serviceId);
        return directory.capacity(serviceId);
    }

    private void requireMayUpdate(CapacityActor actor, long serviceId) {
        long partnerId = directory.findService(serviceId)
                .orElseThrow(() -> NotFoundException.of("Service", serviceId))
                .partnerId();
        if (!actor.mayUpdate(partnerId)) {
            log.info("Rejected a capacity change of service {} by {} of partner {}", serviceId, actor.displayName(),
                    actor.partnerId());
            throw new AccessDeniedException("Only the staff and systems of the service's partner may change its capacity.");
        }
    }

    private static CapacityUnit checkFigures(CapacityFigures figures) {
        List<FieldProblem> problems = new ArrayList<>();
        CapacityUnit unit = parseUnit(figures.unit(), problems);

        Long maximum = figures.maximum();
        if (maximum == null) {
            problems.add(new FieldProblem("maximum", "Maximum is missing. Enter the most units the service can take, "
                    + "0 or more."));
        } else if (maximum < 0) {
            problems.add(new FieldProblem("maximum", "Maximum " + maximum + " is below zero. Enter 0 or more."));
        } else if (maximum > MAX_UNITS) {
            problems.add(new FieldProblem("maximum", "Maximum " + maximum + " is too large. Enter at most " + MAX_UNITS + "."));
        }

        Long available = figures.available();
        if (available == null) {
            problems.add(new FieldProblem("available", "Available is missing. Enter the units a new referral can take "
                    + "now, 0 or more."));
        } else if (available < 0) {
            problems.add(new FieldProblem("available", "Available " + available + " is below zero. Enter 0 or more; "
                    + "0 means the service is full."));
        } else if (maximum != null && maximum >= 0 && available > maximum) {
            problems.add(new FieldProblem("available", "Available " + available + " is above the maximum " + maximum
                    + ". Lower available or raise the maximum."));
        }

        Duration freshness = figures.freshnessLimit();
        if (freshness == null) {
            problems.add(new FieldProblem("freshnessLimit", "Freshness limit is missing. Enter how long the figures "
                    + "stay trustworthy, such as 7 days."));
        } else if (freshness.compareTo(MIN_FRESHNESS) < 0 || freshness.compareTo(MAX_FRESHNESS) > 0) {
            problems.add(new FieldProblem("freshnessLimit", "Freshness limit " + freshness + " is out of range. Enter "
                    + "between 1 hour and 365 days."));
        }

        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return unit;
    }

    private static CapacityUnit parseUnit(String value, List<FieldProblem> problems) {
        String allowed = Arrays.stream(CapacityUnit.values()).map(Enum::name).collect(Collectors.joining(", "));
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem("unit", "Unit is missing. Use one of " + allowed + "."));
            return null;
        }
        try {
            return CapacityUnit.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("unit", "Unit '" + value + "' is invalid. Use one of " + allowed + "."));
            return null;
        }
    }

    private record Commitments(int heldUnits, int usedUnits) {
    }
}
