package org.onedoor.eligibility.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.onedoor.eligibility.Combination;
import org.onedoor.eligibility.Rule;
import org.onedoor.eligibility.ServiceRules;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads and replaces the stored rules of services. */
@Component
public class RuleStore {

    private final JdbcClient jdbc;

    RuleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Loads the rules of many services in one query; a service without stored rules gets none. */
    public Map<Long, ServiceRules> rulesOf(Collection<Long> serviceIds) {
        Map<Long, Combination> combinations = new HashMap<>();
        Map<Long, List<Rule>> rules = new HashMap<>();
        jdbc.sql("""
                        SELECT e.service_id, e.combination, r.label, r.expression
                        FROM service_eligibility e
                        LEFT JOIN eligibility_rule r ON r.service_id = e.service_id
                        WHERE e.service_id = ANY(:ids)
                        ORDER BY e.service_id, r.position
                        """)
                .param("ids", serviceIds.stream().mapToLong(Long::longValue).toArray())
                .query(rs -> {
                    long serviceId = rs.getLong("service_id");
                    combinations.put(serviceId, Combination.valueOf(rs.getString("combination")));
                    List<Rule> list = rules.computeIfAbsent(serviceId, id -> new ArrayList<>());
                    if (rs.getString("expression") != null) {
                        list.add(new Rule(rs.getString("label"), rs.getString("expression")));
                    }
                });

        Map<Long, ServiceRules> result = new HashMap<>();
        for (Long serviceId : serviceIds) {
            Combination combination = combinations.get(serviceId);
            result.put(serviceId, combination == null ? ServiceRules.none(serviceId)
                    : new ServiceRules(serviceId, combination, rules.getOrDefault(serviceId, List.of())));
        }
        return result;
    }

    /** Loads every workforce area with the counties it lists, by area id. */
    public Map<Long, FactValues.ServiceArea> areas() {
        Map<Long, java.util.Set<String>> counties = countiesByArea();
        Map<Long, FactValues.ServiceArea> areas = new HashMap<>();
        jdbc.sql("SELECT id, state_fips FROM workforce_area")
                .query(rs -> {
                    long areaId = rs.getLong("id");
                    areas.put(areaId, new FactValues.ServiceArea(areaId, rs.getString("state_fips"),
                            counties.getOrDefault(areaId, java.util.Set.of())));
                });
        return areas;
    }

    private Map<Long, java.util.Set<String>> countiesByArea() {
        Map<Long, java.util.Set<String>> counties = new HashMap<>();
        jdbc.sql("SELECT area_id, county_fips FROM workforce_area_county")
                .query(rs -> {
                    counties.computeIfAbsent(rs.getLong("area_id"), id -> new java.util.HashSet<>())
                            .add(rs.getString("county_fips"));
                });
        return counties;
    }

    /** Loads the area of each service's partner, with the counties each area lists. */
    public Map<Long, FactValues.ServiceArea> areasOf(Collection<Long> serviceIds) {
        Map<Long, java.util.Set<String>> counties = countiesByArea();
        Map<Long, FactValues.ServiceArea> areas = new HashMap<>();
        jdbc.sql("""
                        SELECT s.id, a.id AS area_id, a.state_fips
                        FROM service s
                        JOIN program pr ON pr.id = s.program_id
                        JOIN partner p ON p.id = pr.partner_id
                        JOIN workforce_area a ON a.id = p.area_id
                        WHERE s.id = ANY(:ids)
                        """)
                .param("ids", serviceIds.stream().mapToLong(Long::longValue).toArray())
                .query(rs -> {
                    long areaId = rs.getLong("area_id");
                    areas.put(rs.getLong("id"), new FactValues.ServiceArea(areaId, rs.getString("state_fips"),
                            counties.getOrDefault(areaId, java.util.Set.of())));
                });
        return areas;
    }

    public ServiceRules rulesOf(long serviceId) {
        return rulesOf(List.of(serviceId)).get(serviceId);
    }

    /** Replaces the rules of a service in the caller's transaction. */
    void replace(ServiceRules rules, long userId) {
        jdbc.sql("""
                        INSERT INTO service_eligibility (service_id, combination, updated_by)
                        VALUES (:serviceId, :combination, :userId)
                        ON CONFLICT (service_id) DO UPDATE
                            SET combination = excluded.combination, updated_by = excluded.updated_by, updated_at = now()
                        """)
                .param("serviceId", rules.serviceId())
                .param("combination", rules.combination().name())
                .param("userId", userId)
                .update();
        jdbc.sql("DELETE FROM eligibility_rule WHERE service_id = :serviceId")
                .param("serviceId", rules.serviceId())
                .update();
        int position = 0;
        for (Rule rule : rules.rules()) {
            jdbc.sql("""
                            INSERT INTO eligibility_rule (service_id, position, label, expression)
                            VALUES (:serviceId, :position, :label, :expression)
                            """)
                    .param("serviceId", rules.serviceId())
                    .param("position", position++)
                    .param("label", rule.label())
                    .param("expression", rule.expression())
                    .update();
        }
    }
}
