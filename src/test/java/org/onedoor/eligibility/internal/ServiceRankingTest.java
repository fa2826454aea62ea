package org.onedoor.eligibility.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onedoor.eligibility.Combination;
import org.onedoor.eligibility.Rule;
import org.onedoor.eligibility.internal.PanelDirectory.PanelService;
import org.onedoor.eligibility.internal.PanelDirectory.RuleSet;
import org.onedoor.eligibility.internal.ServiceRanking.RuleSetResults;
import org.onedoor.shared.PageRequest;

/** Ranking and paging over {@link ServiceColumns}, without a database. */
class ServiceRankingTest {

    private static final RuleSet NOT_ELIGIBLE = new RuleSet(Combination.ALL,
            List.of(new Rule("Large employer", "employee_band_min >= 500")));
    private static final RuleSet UNKNOWN = new RuleSet(Combination.ALL,
            List.of(new Rule("Layoff announced", "layoff_announced")));

    private final RuleEvaluator evaluator = new RuleEvaluator(new RuleCompiler());

    @Test
    void sparseIdsFoundByBinarySearch() {
        ServiceColumns columns = ServiceColumns.of(List.of(service(5, 0, 1, "training", RuleSet.NONE),
                service(1_000_000_000L, 0, 1, "training", RuleSet.NONE), service(3, 0, 1, "training", RuleSet.NONE)));

        assertThat(columns.positionOf(5)).isEqualTo(0);
        assertThat(columns.positionOf(1_000_000_000L)).isEqualTo(1);
        assertThat(columns.positionOf(3)).isEqualTo(2);
        assertThat(columns.positionOf(4)).isEqualTo(-1);
        assertThat(columns.capacityStatuses(new long[] {-1_000_000_000L, 3, 77}))
                .containsExactly(ServiceColumns.UNKNOWN, ServiceColumns.FULL, ServiceColumns.AVAILABLE);
    }

    @Test
    void denseIdsFoundByTable() {
        ServiceColumns columns = ServiceColumns.of(List.of(service(12, 0, 1, "training", RuleSet.NONE),
                service(10, 0, 1, "training", RuleSet.NONE), service(11, 0, 1, "training", RuleSet.NONE)));

        assertThat(columns.positionOf(12)).isEqualTo(0);
        assertThat(columns.positionOf(10)).isEqualTo(1);
        assertThat(columns.positionOf(11)).isEqualTo(2);
        assertThat(columns.positionOf(9)).isEqualTo(-1);
        assertThat(columns.positionOf(13)).isEqualTo(-1);
        assertThat(columns.capacityStatuses(new long[] {11, -12}))
                .containsExactly(ServiceColumns.FULL, ServiceColumns.UNKNOWN, ServiceColumns.AVAILABLE);
    }

    @Test
    void pagesFollowRankThenName() {
        // Positions are name order. Expected ranks: 0 available (1, 5), 1 unknown availability (3), 2 full (0),
        // 3 eligibility unknown (2), 4 not eligible (4).
        List<PanelService> services = List.of(service(100, 0, 1, "training", RuleSet.NONE),
                service(101, 0, 1, "training", RuleSet.NONE), service(102, 0, 2, "training", UNKNOWN),
                service(103, 0, 2, "hiring", RuleSet.NONE), service(104, 0, 1, "hiring", NOT_ELIGIBLE),
                service(105, 0, 2, "hiring", RuleSet.NONE));
        ServiceColumns columns = ServiceColumns.of(services);
        byte[] capacity = columns.capacityStatuses(new long[] {-100, 101, 105, 104});

        ServiceRanking ranking = ServiceRanking.rank(columns, areas(columns, 1), null, null, capacity);

        assertThat(ranking.total()).isEqualTo(6);
        assertThat(ranking.counts()).isEqualTo(new ServiceOptionsPage.Counts(4, 2, 1, 1));
        assertThat(ranking.page(new PageRequest(0, 4))).containsExactly(1, 5, 3, 0);
        assertThat(ranking.page(new PageRequest(1, 4))).containsExactly(2, 4);
        assertThat(ranking.page(new PageRequest(2, 4))).isEmpty();
        List<Integer> onePerPage = new ArrayList<>();
        for (int page = 0; page < 6; page++) {
            onePerPage.add(ranking.page(new PageRequest(page, 1))[0]);
        }
        assertThat(onePerPage).containsExactly(1, 5, 3, 0, 2, 4);
    }

    @Test
    void filtersAndScopeLeaveServicesOut() {
        List<PanelService> services = List.of(service(100, 0, 1, "training", RuleSet.NONE),
                service(101, 1, 1, "training", RuleSet.NONE), service(102, 0, 2, "training", RuleSet.NONE),
                service(103, 0, 1, "hiring", RuleSet.NONE));
        ServiceColumns columns = ServiceColumns.of(services);
        byte[] capacity = columns.capacityStatuses(new long[0]);
        RuleSetResults[] onlyFirstArea = areas(columns, 2);
        onlyFirstArea[1] = null;
        boolean[] trainingOnly = new boolean[columns.categoryCodes().size()];
        trainingOnly[columns.categoryCodes().indexOf("training")] = true;

        ServiceRanking byPartner = ServiceRanking.rank(columns, onlyFirstArea, 1L, null, capacity);
        ServiceRanking byCategory = ServiceRanking.rank(columns, onlyFirstArea, null, trainingOnly, capacity);

        assertThat(byPartner.page(new PageRequest(0, 25))).containsExactly(0, 3);
        assertThat(byPartner.counts()).isEqualTo(new ServiceOptionsPage.Counts(2, 0, 0, 0));
        assertThat(byCategory.page(new PageRequest(0, 25))).containsExactly(0, 2);
        assertThat(byCategory.total()).isEqualTo(2);
    }

    /** Results for a business with 20 to 49 employees and no known layoff, the same in every area. */
    private RuleSetResults[] areas(ServiceColumns columns, int count) {
        RuleSetResults[] areas = new RuleSetResults[count];
        for (int i = 0; i < count; i++) {
            areas[i] = new RuleSetResults(evaluator.forFacts(Map.of("employee_band_min", 20L)), columns.ruleSets());
        }
        return areas;
    }

    private static PanelService service(long id, int areaIndex, long partnerId, String categoryCode, RuleSet rules) {
        return new PanelService(id, areaIndex, "Service " + id, categoryCode, categoryCode, partnerId,
                "Partner " + partnerId, 1, "Office", "South Bend", "America/Indiana/Indianapolis", rules, null, null,
                null);
    }
}
