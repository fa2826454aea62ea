-- Requests to be contacted that businesses send from the public directory. Each request belongs to the workforce
-- area whose business services team handles it, and is linked to the business and contact it was matched to or
-- created as. The values as entered are kept too, because the linked contact may be edited later.
CREATE TABLE contact_request (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    area_id          bigint      NOT NULL REFERENCES workforce_area (id),
    business_id      bigint      NOT NULL REFERENCES business (id),
    -- NULL only after staff remove the contact from the business.
    contact_id       bigint REFERENCES business_contact (id) ON DELETE SET NULL,
    business_name    text        NOT NULL CHECK (btrim(business_name) <> ''),
    person_name      text        NOT NULL CHECK (btrim(person_name) <> ''),
    email            text        NOT NULL CHECK (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
    phone            text,
    preferred_method text        NOT NULL CHECK (preferred_method IN ('EMAIL', 'PHONE', 'TEXT')),
    message          text        NOT NULL CHECK (btrim(message) <> ''),
    -- How the request found its business: EXISTING_CONTACT when name and email matched a known contact,
    -- NEW_CONTACT when only the name matched, NEW_BUSINESS when the business was created from the request.
    link_outcome     text        NOT NULL CHECK (link_outcome IN ('EXISTING_CONTACT', 'NEW_CONTACT', 'NEW_BUSINESS')),
    -- The consent wording the person agreed to, exactly as the form showed it.
    consent_text     text        NOT NULL CHECK (btrim(consent_text) <> ''),
    status           text        NOT NULL DEFAULT 'NEW' CHECK (status IN ('NEW', 'ASSIGNED', 'CLOSED')),
    created_at       timestamptz NOT NULL DEFAULT now(),
    closed_at        timestamptz,
    closed_by        bigint REFERENCES app_user (id),
    CONSTRAINT contact_request_closed_together CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL))
);
CREATE INDEX contact_request_inbox ON contact_request (area_id, created_at DESC, id DESC);
CREATE INDEX contact_request_business ON contact_request (business_id);

-- The services a request is about; a request may name none.
CREATE TABLE contact_request_service (
    request_id bigint NOT NULL REFERENCES contact_request (id),
    service_id bigint NOT NULL REFERENCES service (id),
    PRIMARY KEY (request_id, service_id)
);
