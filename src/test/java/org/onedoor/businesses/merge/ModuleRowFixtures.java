package org.onedoor.businesses.merge;

import static org.onedoor.businesses.merge.MergeFixtures.uniqueWord;

import org.onedoor.directory.DirectoryFixtures.TestPartner;
import org.onedoor.identity.Role;
import org.onedoor.identity.UserAccount;
import org.onedoor.identity.UserAccounts;
import org.onedoor.support.TestAccounts;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows of the modules built on the profile (referrals, demand, assessment, engagement, public directory) for one
 * business, inserted as those modules store them, for the merge tests.
 */
final class ModuleRowFixtures {

    private final JdbcClient jdbc;
    private final UserAccounts accounts;

    ModuleRowFixtures(JdbcClient jdbc, UserAccounts accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    UserAccount staff(TestPartner partner) {
        return TestAccounts.ensure(accounts, "merge-" + uniqueWord().toLowerCase() + "@onedoor.test", Role.STAFF,
                partner.partnerId());
    }

    long referral(long businessId, TestPartner partner, UserAccount sender) {
        return jdbc.sql("""
                        INSERT INTO referral (business_id, service_id, category_code, need_code, sending_partner_id,
                                              sender_user_id, receiving_partner_id, receiving_office_id, status,
                                              capacity_state)
                        SELECT :businessId, s.id, s.category_code, 'RECRUITMENT', :partnerId, :senderId, :partnerId,
                               s.office_id, 'REQUESTED', 'RELEASED'
                        FROM service s WHERE s.id = :serviceId
                        RETURNING id
                        """)
                .param("businessId", businessId)
                .param("partnerId", partner.partnerId())
                .param("senderId", sender.id())
                .param("serviceId", partner.serviceId())
                .query(Long.class)
                .single();
    }

    long assign(long businessId, UserAccount manager, long adminId) {
        return jdbc.sql("""
                        INSERT INTO account_manager (business_id, user_id, reason, assigned_by)
                        VALUES (:businessId, :userId, 'Merge test', :adminId) RETURNING id
                        """)
                .param("businessId", businessId)
                .param("userId", manager.id())
                .param("adminId", adminId)
                .query(Long.class)
                .single();
    }

    long need(long businessId, TestPartner partner, String code) {
        return jdbc.sql("""
                        INSERT INTO business_need (business_id, need_code, source, partner_id, area_id)
                        VALUES (:businessId, :code, 'STAFF', :partnerId, :areaId) RETURNING id
                        """)
                .param("businessId", businessId)
                .param("code", code)
                .param("partnerId", partner.partnerId())
                .param("areaId", partner.areaId())
                .query(Long.class)
                .single();
    }

    long offer(long businessId, long needId, TestPartner partner) {
        return jdbc.sql("""
                        INSERT INTO need_offer (business_id, need_id, kind, partner_id, answer, deferred_until)
                        VALUES (:businessId, :needId, 'OFFER', :partnerId, 'DEFERRED', current_date + 30) RETURNING id
                        """)
                .param("businessId", businessId)
                .param("needId", needId)
                .param("partnerId", partner.partnerId())
                .query(Long.class)
                .single();
    }

    void unmetNeed(long businessId, long needId, TestPartner partner) {
        jdbc.sql("""
                        INSERT INTO unmet_need (need_id, business_id, need_code, reason, services_considered,
                                                partner_id, area_id)
                        VALUES (:needId, :businessId, 'TRAINING', 'NO_SERVICE', 0, :partnerId, :areaId)
                        """)
                .param("needId", needId)
                .param("businessId", businessId)
                .param("partnerId", partner.partnerId())
                .param("areaId", partner.areaId())
                .update();
    }

    long assessment(long businessId, TestPartner partner, long userId, int daysAgo) {
        return jdbc.sql("""
                        INSERT INTO needs_assessment (business_id, area_id, instrument_id, need_codes, completed_at,
                                                      completed_by, partner_id, valid_until)
                        SELECT :businessId, :areaId, i.id, '{}', now() - make_interval(days => :daysAgo), :userId,
                               :partnerId, now() + interval '300 days'
                        FROM assessment_instrument i WHERE i.version IS NOT NULL ORDER BY i.id LIMIT 1
                        RETURNING id
                        """)
                .param("businessId", businessId)
                .param("areaId", partner.areaId())
                .param("daysAgo", daysAgo)
                .param("userId", userId)
                .param("partnerId", partner.partnerId())
                .query(Long.class)
                .single();
    }

    long campaign(TestPartner partner, long userId) {
        return jdbc.sql("""
                        INSERT INTO outreach_campaign (partner_id, name, kind, purpose, planned_at, created_by)
                        VALUES (:partnerId, :name, 'VISIT', 'OUTREACH', now() + interval '7 days', :userId)
                        RETURNING id
                        """)
                .param("partnerId", partner.partnerId())
                .param("name", "Merge campaign " + uniqueWord())
                .param("userId", userId)
                .query(Long.class)
                .single();
    }

    long contact(long businessId, TestPartner partner, UserAccount staff, String status, Long campaignId) {
        return jdbc.sql("""
                        INSERT INTO contact_log (business_id, partner_id, staff_user_id, kind, purpose, status,
                                                 occurred_at, time_zone, campaign_id, created_by)
                        VALUES (:businessId, :partnerId, :staffId, 'VISIT', 'OUTREACH', :status, now(),
                                'America/Indiana/Indianapolis', :campaignId, :staffId)
                        RETURNING id
                        """)
                .param("businessId", businessId)
                .param("partnerId", partner.partnerId())
                .param("staffId", staff.id())
                .param("status", status)
                .param("campaignId", campaignId)
                .query(Long.class)
                .single();
    }

    void exclusion(long campaignId, long businessId, String reason) {
        jdbc.sql("INSERT INTO outreach_exclusion (campaign_id, business_id, reason) VALUES (:c, :b, :r)")
                .param("c", campaignId)
                .param("b", businessId)
                .param("r", reason)
                .update();
    }

    void waiting(long businessId, TestPartner partner, long userId) {
        jdbc.sql("""
                        INSERT INTO referral_waiting_list (business_id, service_id, receiving_partner_id, added_by)
                        VALUES (:businessId, :serviceId, :partnerId, :userId)
                        """)
                .param("businessId", businessId)
                .param("serviceId", partner.serviceId())
                .param("partnerId", partner.partnerId())
                .param("userId", userId)
                .update();
    }

    void concierge(long businessId, long userId, boolean concierge) {
        jdbc.sql("""
                        INSERT INTO business_concierge (business_id, concierge, contact_route, updated_by)
                        VALUES (:businessId, :concierge, 'THROUGH_ACCOUNT_MANAGER', :userId)
                        """)
                .param("businessId", businessId)
                .param("concierge", concierge)
                .param("userId", userId)
                .update();
    }

    void contactRequest(long businessId, TestPartner partner) {
        jdbc.sql("""
                        INSERT INTO contact_request (area_id, business_id, business_name, person_name, email,
                                                     preferred_method, message, link_outcome, consent_text)
                        VALUES (:areaId, :businessId, 'Merge test business', 'Pat Lee', 'pat@example.com', 'EMAIL',
                                'Please call about hiring.', 'NEW_BUSINESS', 'I agree to be contacted.')
                        """)
                .param("areaId", partner.areaId())
                .param("businessId", businessId)
                .update();
    }

    void coordinationRequest(long businessId, long assignmentId, TestPartner partner, UserAccount staff) {
        jdbc.sql("""
                        INSERT INTO coordination_request (business_id, account_manager_id, partner_id, requested_by,
                                                          kind, purpose, planned_at, time_zone)
                        VALUES (:businessId, :assignmentId, :partnerId, :staffId, 'VISIT', 'SALES_VISIT',
                                now() + interval '3 days', 'America/Indiana/Indianapolis')
                        """)
                .param("businessId", businessId)
                .param("assignmentId", assignmentId)
                .param("partnerId", partner.partnerId())
                .param("staffId", staff.id())
                .update();
    }
}
