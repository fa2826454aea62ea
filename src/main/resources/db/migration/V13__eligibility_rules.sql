-- Eligibility rules: the profile facts that rules use and that the profile lacked, and the rules of each service.
-- It also adds the counties of each workforce area, so rules and the services panel can tell whether a business is
-- in a service's area.

-- Facts about the business's plans, asked by staff or, later, by the needs assessment. NULL means not known.
-- hiring_needs contains hiring need kinds from org.onedoor.businesses.HiringNeeds, and an empty array means "no
-- hiring needs". hourly_wage_offered is in US dollars per hour.
ALTER TABLE business
    ADD COLUMN layoff_announced               boolean,
    ADD COLUMN hiring_needs                   text[] CHECK (array_position(hiring_needs, NULL) IS NULL),
    ADD COLUMN hourly_wage_offered            numeric(7, 2) CHECK (hourly_wage_offered >= 0),
    ADD COLUMN hires_people_with_disabilities boolean,
    ADD COLUMN hires_veterans                 boolean;

-- The counties a workforce area serves. An area without rows serves its whole state.
CREATE TABLE workforce_area_county (
    area_id     bigint NOT NULL REFERENCES workforce_area (id),
    county_fips text   NOT NULL REFERENCES us_county (fips),
    PRIMARY KEY (area_id, county_fips)
);

-- How a service combines its rules: ALL of them must hold, or ANY one. A service without rules is open to every
-- business.
CREATE TABLE service_eligibility (
    service_id  bigint      PRIMARY KEY REFERENCES service (id),
    combination text        NOT NULL DEFAULT 'ALL' CHECK (combination IN ('ALL', 'ANY')),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    updated_by  bigint REFERENCES app_user (id)
);

-- One rule: a plain-language label and a CEL expression over the declared facts, checked by the application when
-- it is saved. position orders the rules as the partner administrator listed them.
CREATE TABLE eligibility_rule (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    service_id bigint  NOT NULL REFERENCES service_eligibility (service_id) ON DELETE CASCADE,
    position   integer NOT NULL CHECK (position >= 0),
    label      text    NOT NULL CHECK (btrim(label) <> ''),
    expression text    NOT NULL CHECK (btrim(expression) <> ''),
    UNIQUE (service_id, position)
);
