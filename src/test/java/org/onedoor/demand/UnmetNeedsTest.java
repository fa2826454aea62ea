package org.onedoor.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.businesses.BusinessRegistry;
import org.onedoor.demand.DemandFixtures.Area;
import org.onedoor.directory.CapacityStatus;
import org.onedoor.eligibility.EligibilityResult;
import org.onedoor.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Raises needs through the facade and checks which are logged as unmet, and why. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UnmetNeedsTest {

    @Autowired
    Demand demand;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BusinessRegistry registry;

    private Area area;
    private long businessId;

    @BeforeEach
    void setUp() {
        area = DemandFixtures.area(jdbc);
        businessId = DemandFixtures.business(registry, area.countyFips());
    }

    private RaisedNeed raiseHire() {
        List<RaisedNeed> raised = demand.raiseNeeds(businessId, List.of("HIRE"), NeedSource.STAFF,
                area.partner().partnerId(), null, null);
        assertThat(raised).hasSize(1);
        return raised.get(0);
    }

    private List<Map<String, Object>> unmetRows() {
        return jdbc.sql("SELECT * FROM unmet_need WHERE business_id = :id ORDER BY id")
                .param("id", businessId)
                .query()
                .listOfRows();
    }

    @Test
    void noServiceInAreaIsLogged() {
        // The area has only the fixture's inactive training service, and hiring needs recruitment services.
        RaisedNeed need = raiseHire();

        assertThat(need.created()).isTrue();
        assertThat(need.services()).isEmpty();
        assertThat(need.unmetReason()).isEqualTo(UnmetReason.NO_SERVICE);
        List<Map<String, Object>> rows = unmetRows();
        assertThat(rows).hasSize(1);
        Map<String, Object> row = rows.get(0);
        assertThat(row.get("need_id")).isEqualTo(need.needId());
        assertThat(row.get("need_code")).isEqualTo("HIRE");
        assertThat(row.get("reason")).isEqualTo("NO_SERVICE");
        assertThat(row.get("naics_sector")).isEqualTo("31-33");
        assertThat(row.get("county_fips")).isEqualTo(area.countyFips());
        assertThat(row.get("employee_band")).isNull();
        assertThat(row.get("partner_id")).isEqualTo(area.partner().partnerId());
        assertThat(row.get("area_id")).isEqualTo(area.areaId());
        assertThat(row.get("services_considered")).isEqualTo(0);
        assertThat(row.get("recorded_at")).isNotNull();
    }

    @Test
    void onlyFullServicesLogNoCapacity() {
        long full = DemandFixtures.service(jdbc, area.partner(), "Hiring event " + DemandFixtures.unique(),
                "workforce-recruitment");
        DemandFixtures.capacity(jdbc, full, 0, 5);

        RaisedNeed need = raiseHire();

        assertThat(need.services()).extracting(ServiceMatch::serviceId).containsExactly(full);
        assertThat(need.services().get(0).availability()).isEqualTo(CapacityStatus.FULL);
        assertThat(need.unmetReason()).isEqualTo(UnmetReason.NO_CAPACITY);
        assertThat(unmetRows()).extracting(row -> row.get("reason")).containsExactly("NO_CAPACITY");
        assertThat(unmetRows().get(0).get("services_considered")).isEqualTo(1);
    }

    @Test
    void onlyIneligibleServicesLogNotEligible() {
        long healthOnly = DemandFixtures.service(jdbc, area.partner(), "Nurse recruitment " + DemandFixtures.unique(),
                "workforce-recruitment");
        DemandFixtures.rule(jdbc, healthOnly, "Health care employers", "naics_sector == \"62\"");

        RaisedNeed need = raiseHire();

        assertThat(need.services()).hasSize(1);
        assertThat(need.services().get(0).eligibility()).isEqualTo(EligibilityResult.Status.NOT_ELIGIBLE);
        assertThat(need.unmetReason()).isEqualTo(UnmetReason.NOT_ELIGIBLE);
        assertThat(unmetRows()).extracting(row -> row.get("reason")).containsExactly("NOT_ELIGIBLE");
    }

    @Test
    void missingFactsLogEligibilityUnknown() {
        long large = DemandFixtures.service(jdbc, area.partner(), "Large employer recruitment "
                + DemandFixtures.unique(), "workforce-recruitment");
        DemandFixtures.rule(jdbc, large, "500 employees or more", "employee_band_min >= 500");

        RaisedNeed need = raiseHire();

        assertThat(need.services().get(0).eligibility()).isEqualTo(EligibilityResult.Status.UNKNOWN);
        assertThat(need.unmetReason()).isEqualTo(UnmetReason.ELIGIBILITY_UNKNOWN);
        assertThat(unmetRows()).extracting(row -> row.get("reason")).containsExactly("ELIGIBILITY_UNKNOWN");
    }

    @Test
    void fullServiceOutranksIneligibleOne() {
        long full = DemandFixtures.service(jdbc, area.partner(), "Job fair " + DemandFixtures.unique(),
                "untapped-labor-pools");
        DemandFixtures.capacity(jdbc, full, 0, 3);
        long healthOnly = DemandFixtures.service(jdbc, area.partner(), "Nurse recruitment " + DemandFixtures.unique(),
                "workforce-recruitment");
        DemandFixtures.rule(jdbc, healthOnly, "Health care employers", "naics_sector == \"62\"");

        RaisedNeed need = raiseHire();

        assertThat(need.services()).extracting(ServiceMatch::serviceId).containsExactly(full, healthOnly);
        assertThat(need.unmetReason()).isEqualTo(UnmetReason.NO_CAPACITY);
    }

    @Test
    void metNeedLogsNothing() {
        long open = DemandFixtures.service(jdbc, area.partner(), "Recruitment help " + DemandFixtures.unique(),
                "workforce-recruitment");
        DemandFixtures.capacity(jdbc, open, 2, 5);
        long full = DemandFixtures.service(jdbc, area.partner(), "Another recruitment " + DemandFixtures.unique(),
                "workforce-recruitment");
        DemandFixtures.capacity(jdbc, full, 0, 5);

        RaisedNeed need = raiseHire();

        assertThat(need.unmetReason()).isNull();
        assertThat(need.services()).extracting(ServiceMatch::serviceId).containsExactly(open, full);
        assertThat(need.services().get(0).meetsNeed()).isTrue();
        assertThat(unmetRows()).isEmpty();
    }

    @Test
    void serviceWithoutCapacityFiguresMeetsNeed() {
        DemandFixtures.service(jdbc, area.partner(), "Recruitment help " + DemandFixtures.unique(),
                "workforce-recruitment");

        RaisedNeed need = raiseHire();

        assertThat(need.services().get(0).availability()).isEqualTo(CapacityStatus.UNKNOWN);
        assertThat(need.unmetReason()).isNull();
        assertThat(unmetRows()).isEmpty();
    }

    @Test
    void serviceOfAnotherAreaIsNotConsidered() {
        Area other = DemandFixtures.area(jdbc);
        DemandFixtures.service(jdbc, other.partner(), "Recruitment elsewhere " + DemandFixtures.unique(),
                "workforce-recruitment");

        RaisedNeed need = raiseHire();

        assertThat(need.unmetReason()).isEqualTo(UnmetReason.NO_SERVICE);
    }

    @Test
    void openNeedRaisedAgainIsNotDuplicated() {
        RaisedNeed first = raiseHire();
        RaisedNeed second = raiseHire();

        assertThat(second.created()).isFalse();
        assertThat(second.needId()).isEqualTo(first.needId());
        assertThat(second.unmetReason()).isEqualTo(UnmetReason.NO_SERVICE);
        assertThat(unmetRows()).hasSize(1);
        long needs = jdbc.sql("SELECT count(*) FROM business_need WHERE business_id = :id")
                .param("id", businessId).query(Long.class).single();
        assertThat(needs).isEqualTo(1);
    }

    @Test
    void needRecordsSourceAndProfileFacts() {
        demand.raiseNeeds(businessId, List.of("LAYOFF"), NeedSource.ASSESSMENT, area.partner().partnerId(), null,
                4242L);

        List<BusinessNeed> needs = demand.needsOf(businessId);
        assertThat(needs).hasSize(1);
        BusinessNeed need = needs.get(0);
        assertThat(need.needCode()).isEqualTo("LAYOFF");
        assertThat(need.source()).isEqualTo(NeedSource.ASSESSMENT);
        assertThat(need.sourceId()).isEqualTo(4242L);
        assertThat(need.naicsSector()).isEqualTo("31-33");
        assertThat(need.countyFips()).isEqualTo(area.countyFips());
        assertThat(need.open()).isTrue();
        assertThat(need.unmetReason()).isEqualTo(UnmetReason.NO_SERVICE);
    }

    @Test
    void unknownNeedCodeIsRejected() {
        assertThatThrownBy(() -> demand.raiseNeeds(businessId, List.of("HIRE", "JUGGLING"), NeedSource.STAFF,
                area.partner().partnerId(), null, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'JUGGLING'")
                .hasMessageContaining("HIRE");
        assertThat(demand.needsOf(businessId)).isEmpty();
    }
}
