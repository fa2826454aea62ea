-- Joins the needs assessment, the contact log, offers and referrals.

-- The reason staff gave for starting a needs assessment although the coordination check found recent or planned
-- contacts by other partners. NULL when the check found none.
ALTER TABLE needs_assessment ADD COLUMN coordination_override_reason text
    CHECK (btrim(coordination_override_reason) <> '');

-- The referral sent for an accepted offer whose follow-up is a referral. NULL until the referral is sent.
ALTER TABLE need_offer ADD COLUMN referral_id bigint REFERENCES referral (id);
CREATE UNIQUE INDEX need_offer_referral ON need_offer (referral_id) WHERE referral_id IS NOT NULL;
