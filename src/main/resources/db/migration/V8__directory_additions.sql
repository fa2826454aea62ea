-- Directory additions: the county filter of the service search, and verification recorded as a pair.

CREATE INDEX office_county ON office (county_fips);

-- A service is either verified, with the time and the user, or not verified at all.
ALTER TABLE service
    ADD CONSTRAINT service_verified_together CHECK ((last_verified_at IS NULL) = (last_verified_by IS NULL));
