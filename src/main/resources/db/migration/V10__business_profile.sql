-- The shared business profile: more facts about the business and its establishments, its contacts, the provenance
-- of every current value, and the fields that partners define for themselves with their visibility.

-- Ownership type, the year the business started and its employee count band. The bands are the establishment size
-- classes of the BLS Quarterly Census of Employment and Wages (size classes 1 to 9).
ALTER TABLE business
    ADD COLUMN ownership_type text CHECK (ownership_type IN ('FOR_PROFIT', 'NONPROFIT', 'PUBLIC')),
    ADD COLUMN year_started   integer CHECK (year_started BETWEEN 1600 AND 2200),
    ADD COLUMN employee_band  text CHECK (employee_band IN ('1-4', '5-9', '10-19', '20-49', '50-99', '100-249',
                                                           '250-499', '500-999', '1000+'));

-- The state unemployment insurance account number, the employees at this worksite and its IANA time zone.
ALTER TABLE establishment
    ADD COLUMN ui_account_number  text CHECK (ui_account_number ~ '^[A-Z0-9][A-Z0-9-]{0,19}$'),
    ADD COLUMN worksite_employees integer CHECK (worksite_employees >= 0),
    ADD COLUMN time_zone          text CHECK (time_zone ~ '^[A-Za-z]+/[A-Za-z0-9_+/-]+$');

-- A person to talk to at the business. Phones are kept as entered, with their E.164 form at the same position
-- when they parse (NULL otherwise).
CREATE TABLE business_contact (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    business_id      bigint      NOT NULL REFERENCES business (id),
    establishment_id bigint REFERENCES establishment (id),
    name             text        NOT NULL CHECK (btrim(name) <> ''),
    role             text,
    email            text CHECK (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
    phones           text[]      NOT NULL DEFAULT '{}',
    phones_e164      text[]      NOT NULL DEFAULT '{}',
    preferred_method text CHECK (preferred_method IN ('EMAIL', 'PHONE', 'TEXT', 'MAIL', 'IN_PERSON')),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CHECK (cardinality(phones) = cardinality(phones_e164))
);
CREATE INDEX business_contact_business ON business_contact (business_id);

-- A field that one partner adds to the shared profile. SHARED values are visible to every partner, PARTNER_ONLY
-- values only to the owning partner's staff, and CONFIDENTIAL values likewise, with every read recorded in
-- partner_field_read.
CREATE TABLE partner_field (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    partner_id  bigint      NOT NULL REFERENCES partner (id),
    name        text        NOT NULL CHECK (btrim(name) <> ''),
    field_type  text        NOT NULL CHECK (field_type IN ('TEXT', 'NUMBER', 'DATE', 'YES_NO', 'CHOICE')),
    required    boolean     NOT NULL DEFAULT false,
    min_value   numeric,
    max_value   numeric,
    pattern     text,
    choices     text[]      NOT NULL DEFAULT '{}',
    visibility  text        NOT NULL CHECK (visibility IN ('SHARED', 'PARTNER_ONLY', 'CONFIDENTIAL')),
    created_by  bigint REFERENCES app_user (id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CHECK (min_value IS NULL OR max_value IS NULL OR min_value <= max_value),
    CHECK (field_type <> 'CHOICE' OR cardinality(choices) > 0)
);
CREATE UNIQUE INDEX partner_field_name ON partner_field (partner_id, fold_text(name));

-- The current value of a partner field for one business, with its provenance.
CREATE TABLE partner_field_value (
    business_id  bigint      NOT NULL REFERENCES business (id),
    field_id     bigint      NOT NULL REFERENCES partner_field (id),
    value        text        NOT NULL,
    user_id      bigint REFERENCES app_user (id),
    partner_id   bigint REFERENCES partner (id),
    source_kind  text        NOT NULL CHECK (source_kind IN ('IMPORT_ROW', 'STAFF_ENTRY', 'SELF_UPDATE', 'PARTNER_SYSTEM')),
    collected_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (business_id, field_id)
);

-- Every read of a confidential value: who, for which partner, when, which business and field, and the path the
-- value left the system through (such as "GET /api/v1/businesses/12").
CREATE TABLE partner_field_read (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     bigint      NOT NULL REFERENCES app_user (id),
    partner_id  bigint REFERENCES partner (id),
    business_id bigint      NOT NULL REFERENCES business (id),
    field_id    bigint      NOT NULL REFERENCES partner_field (id),
    path        text        NOT NULL,
    read_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX partner_field_read_business ON partner_field_read (business_id, read_at);

-- History rows may now name a contact or a partner field, and removals are kept too.
ALTER TABLE business_history
    ADD COLUMN contact_id       bigint REFERENCES business_contact (id) ON DELETE SET NULL,
    ADD COLUMN partner_field_id bigint REFERENCES partner_field (id),
    DROP CONSTRAINT business_history_action_check,
    ADD CONSTRAINT business_history_action_check CHECK (action IN ('SET', 'CHANGED', 'ADDED', 'REMOVED', 'CONFLICT'));
CREATE INDEX business_history_partner_field ON business_history (partner_field_id) WHERE partner_field_id IS NOT NULL;

-- Provenance of every current profile value: who collected it, for which partner, when and from what source.
-- Field names are those of business_history ('fein', 'establishment.time_zone', 'contact.email'...), plus
-- 'establishment.address' for an establishment's address and 'trade_name' for each trade name. A trigger on
-- business_history keeps it current, so every writer of the history keeps provenance without extra code.
CREATE TABLE business_fact (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    business_id      bigint      NOT NULL REFERENCES business (id),
    establishment_id bigint REFERENCES establishment (id),
    contact_id       bigint REFERENCES business_contact (id) ON DELETE CASCADE,
    trade_name_id    bigint REFERENCES business_trade_name (id) ON DELETE CASCADE,
    field            text        NOT NULL CHECK (field ~ '^[a-z_.]+$'),
    value            text        NOT NULL,
    user_id          bigint REFERENCES app_user (id),
    partner_id       bigint REFERENCES partner (id),
    collected_at     timestamptz NOT NULL,
    source_kind      text        NOT NULL CHECK (source_kind IN ('IMPORT_ROW', 'STAFF_ENTRY', 'SELF_UPDATE', 'PARTNER_SYSTEM')),
    source_record_id bigint REFERENCES business_source_record (id),
    CONSTRAINT business_fact_subject UNIQUE NULLS NOT DISTINCT (business_id, establishment_id, contact_id, trade_name_id, field)
);
CREATE INDEX business_fact_business ON business_fact (business_id);

-- Applies one history row to business_fact. SET and CHANGED replace the provenance of the field (or drop it when the
-- new value is empty), ADDED records it for a new establishment address or trade name, and REMOVED drops it.
-- CONFLICT rows change nothing, because the incoming value was not applied.
CREATE FUNCTION apply_history_to_facts(h business_history) RETURNS void
    LANGUAGE plpgsql AS
$$
DECLARE
    fact_field    text := h.field;
    found_trade_name bigint;
BEGIN
    IF h.partner_field_id IS NOT NULL OR h.field IN ('source_record', 'contact') THEN
        RETURN;
    END IF;
    IF h.field = 'establishment' THEN
        IF h.action <> 'ADDED' THEN
            RETURN;
        END IF;
        fact_field := 'establishment.address';
    END IF;
    IF h.field = 'trade_name' THEN
        SELECT t.id INTO found_trade_name
        FROM business_trade_name t
        WHERE t.business_id = h.business_id AND t.name = coalesce(h.new_value, h.old_value)
        ORDER BY t.id DESC
        LIMIT 1;
        IF found_trade_name IS NULL THEN
            RETURN;
        END IF;
    END IF;

    IF h.action = 'REMOVED' OR (h.action IN ('SET', 'CHANGED') AND h.new_value IS NULL) THEN
        DELETE FROM business_fact f
        WHERE f.business_id = h.business_id AND f.field = fact_field
          AND f.establishment_id IS NOT DISTINCT FROM h.establishment_id
          AND f.contact_id IS NOT DISTINCT FROM h.contact_id
          AND f.trade_name_id IS NOT DISTINCT FROM found_trade_name;
        RETURN;
    END IF;
    IF h.action NOT IN ('SET', 'CHANGED', 'ADDED') THEN
        RETURN;
    END IF;

    INSERT INTO business_fact (business_id, establishment_id, contact_id, trade_name_id, field, value, user_id,
                               partner_id, collected_at, source_kind, source_record_id)
    VALUES (h.business_id, h.establishment_id, h.contact_id, found_trade_name, fact_field, h.new_value, h.actor_user_id,
            h.partner_id, h.changed_at, h.source_kind, h.source_record_id)
    ON CONFLICT ON CONSTRAINT business_fact_subject DO UPDATE
        SET value = excluded.value, user_id = excluded.user_id, partner_id = excluded.partner_id,
            collected_at = excluded.collected_at, source_kind = excluded.source_kind,
            source_record_id = excluded.source_record_id;
END
$$;

CREATE FUNCTION business_history_to_facts() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM apply_history_to_facts(NEW);
    RETURN NULL;
END
$$;

CREATE TRIGGER business_history_keeps_facts
    AFTER INSERT ON business_history
    FOR EACH ROW EXECUTE FUNCTION business_history_to_facts();

-- Rebuilds provenance by replaying the history in order, so the latest change of each value wins, then falls back to
-- the business's first source record for a current value that no history row explains. Running it again gives the
-- same rows, because the trigger applies the same history rows one by one.
CREATE FUNCTION backfill_business_facts() RETURNS void
    LANGUAGE plpgsql AS
$$
DECLARE
    h business_history;
BEGIN
    FOR h IN SELECT * FROM business_history ORDER BY changed_at, id LOOP
        PERFORM apply_history_to_facts(h);
    END LOOP;

    INSERT INTO business_fact (business_id, field, value, user_id, partner_id, collected_at, source_kind,
                               source_record_id)
    SELECT b.id, v.field, v.value, s.user_id, s.partner_id, s.received_at, s.kind, s.id
    FROM business b
    CROSS JOIN LATERAL (VALUES ('legal_name', b.legal_name), ('fein', b.fein), ('naics_code', b.naics_code),
                               ('website', b.website)) AS v(field, value)
    JOIN LATERAL (SELECT * FROM business_source_record r WHERE r.business_id = b.id
                  ORDER BY r.received_at, r.id LIMIT 1) s ON true
    WHERE v.value IS NOT NULL
    ON CONFLICT ON CONSTRAINT business_fact_subject DO NOTHING;
END
$$;

SELECT backfill_business_facts();
