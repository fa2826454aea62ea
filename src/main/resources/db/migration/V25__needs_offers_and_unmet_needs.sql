-- Needs raised for a business, the offers made for them and the needs that no service in the area met.
-- Need codes come from the need list in code (FactCatalog.NEEDS and the types other modules add), so they carry no
-- foreign key. The NAICS sector, county and employee size band are copied from the profile when the need is
-- raised, so the demand figures keep the facts of that time when the profile changes later.

CREATE TABLE business_need (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    business_id   bigint      NOT NULL REFERENCES business (id),
    need_code     text        NOT NULL CHECK (need_code ~ '^[A-Z0-9_]+$'),
    -- ASSESSMENT is a shared needs assessment, CONTACT a logged contact, and STAFF a need entered by staff directly.
    source        text        NOT NULL CHECK (source IN ('ASSESSMENT', 'CONTACT', 'STAFF')),
    -- The assessment or contact log id the need came from. It has no foreign key, because those tables live in
    -- other modules.
    source_id     bigint,
    partner_id    bigint      NOT NULL REFERENCES partner (id),
    area_id       bigint      NOT NULL REFERENCES workforce_area (id),
    raised_by     bigint      REFERENCES app_user (id),
    raised_at     timestamptz NOT NULL DEFAULT now(),
    naics_sector  text,
    county_fips   text        REFERENCES us_county (fips),
    employee_band text,
    -- OPEN until an offer is accepted or declined. A deferred offer leaves the need open.
    status        text        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CLOSED')),
    closed_at     timestamptz,
    CHECK ((status = 'OPEN') = (closed_at IS NULL))
);

CREATE INDEX business_need_business ON business_need (business_id, raised_at);
CREATE INDEX business_need_area ON business_need (area_id, raised_at);
-- At most one open need of each type per business, so a need raised again adds no second row.
CREATE UNIQUE INDEX business_need_one_open ON business_need (business_id, need_code) WHERE status = 'OPEN';

CREATE TABLE need_offer (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    business_id     bigint      NOT NULL REFERENCES business (id),
    -- Required for an offer, and optional for "no offer made", which may cover a whole contact.
    need_id         bigint      REFERENCES business_need (id),
    kind            text        NOT NULL CHECK (kind IN ('OFFER', 'NO_OFFER')),
    partner_id      bigint      NOT NULL REFERENCES partner (id),
    recorded_by     bigint      REFERENCES app_user (id),
    recorded_at     timestamptz NOT NULL DEFAULT now(),
    -- The engagement module's contact log id. It has no foreign key yet.
    contact_id      bigint,
    answer          text CHECK (answer IN ('ACCEPTED', 'DECLINED', 'DEFERRED')),
    -- For an accepted offer: a referral to another partner or the partner's own service.
    follow_up       text CHECK (follow_up IN ('REFERRAL', 'OWN_SERVICE')),
    decline_reason  text CHECK (btrim(decline_reason) <> ''),
    deferred_until  date,
    no_offer_reason text,
    note            text        NOT NULL DEFAULT '',
    CHECK (kind = 'NO_OFFER' OR (need_id IS NOT NULL AND answer IS NOT NULL AND no_offer_reason IS NULL)),
    CHECK (kind = 'OFFER' OR (answer IS NULL AND no_offer_reason IS NOT NULL)),
    CHECK ((answer = 'ACCEPTED') = (follow_up IS NOT NULL)),
    CHECK ((answer = 'DECLINED') = (decline_reason IS NOT NULL)),
    CHECK ((answer = 'DEFERRED') = (deferred_until IS NOT NULL))
);

CREATE INDEX need_offer_business ON need_offer (business_id, recorded_at);
CREATE INDEX need_offer_need ON need_offer (need_id);
CREATE INDEX need_offer_contact ON need_offer (contact_id) WHERE contact_id IS NOT NULL;

CREATE TABLE need_offer_service (
    offer_id   bigint NOT NULL REFERENCES need_offer (id),
    service_id bigint NOT NULL REFERENCES service (id),
    PRIMARY KEY (offer_id, service_id)
);

-- One row each time a raised need found no service that could meet it. The profile facts are copies, as above.
CREATE TABLE unmet_need (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    need_id             bigint      NOT NULL REFERENCES business_need (id),
    business_id         bigint      NOT NULL REFERENCES business (id),
    need_code           text        NOT NULL,
    naics_sector        text,
    county_fips         text        REFERENCES us_county (fips),
    employee_band       text,
    reason              text        NOT NULL
        CHECK (reason IN ('NO_SERVICE', 'NO_CAPACITY', 'NOT_ELIGIBLE', 'ELIGIBILITY_UNKNOWN')),
    -- How many services of the need's categories the area has, whatever their eligibility and capacity.
    services_considered integer     NOT NULL CHECK (services_considered >= 0),
    partner_id          bigint      NOT NULL REFERENCES partner (id),
    area_id             bigint      NOT NULL REFERENCES workforce_area (id),
    recorded_at         timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX unmet_need_area ON unmet_need (area_id, recorded_at);
CREATE INDEX unmet_need_business ON unmet_need (business_id);
