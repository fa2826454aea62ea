-- The version of the directory data that the services panel keeps in memory: areas and their counties, partners,
-- offices, programs, services, employer service categories and eligibility rules. Every transaction that changes
-- one of these tables sets a new version when it commits. When an instance reads the same version as the one its copy
-- was loaded at, the copy matches the instance's own snapshot of the database.
--
-- service_capacity is not listed: referral holds update it under concurrency, and the panel reads it per request.
--
-- Versions come from a sequence, so a version is never given twice, not even after a rollback. changed_in keeps the
-- transaction that set the version, so that a transaction which changes many rows sets it once.
CREATE SEQUENCE directory_version_seq;

CREATE TABLE directory_version (
    single     boolean PRIMARY KEY DEFAULT true CHECK (single),
    version    bigint  NOT NULL,
    changed_in bigint
);
INSERT INTO directory_version (version) VALUES (nextval('directory_version_seq'));

CREATE FUNCTION bump_directory_version() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    UPDATE directory_version SET version = nextval('directory_version_seq'), changed_in = txid_current()
    WHERE changed_in IS DISTINCT FROM txid_current();
    RETURN NULL;
END;
$$;

-- The row triggers are deferred to the commit, so a transaction locks the version row only while it commits, after
-- every other lock it takes. Two directory edits therefore wait for each other only briefly. They do not deadlock on
-- the version row, because its holder is committing and takes no further lock. TRUNCATE has no row triggers, so a
-- statement trigger covers it.
-- NOTE: a writer at REPEATABLE READ or SERIALIZABLE that commits right after another directory edit gets a
-- serialization failure on the version row. No OneDoor writer uses those levels.
DO $$
DECLARE
    directory_table text;
BEGIN
    FOREACH directory_table IN ARRAY ARRAY['workforce_area', 'workforce_area_county', 'partner', 'office', 'program',
                                           'service', 'employer_service_category', 'service_eligibility',
                                           'eligibility_rule'] LOOP
        EXECUTE format('CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I '
                           || 'DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_directory_version()',
                       directory_table || '_bumps_version', directory_table);
        EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I '
                           || 'FOR EACH STATEMENT EXECUTE FUNCTION bump_directory_version()',
                       directory_table || '_truncate_bumps_version', directory_table);
    END LOOP;
END;
$$;
