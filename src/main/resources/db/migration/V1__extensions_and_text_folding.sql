-- Extensions used by search and matching.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- Folds a name or address for search and matching: lower case, accents removed, apostrophes of every style
-- removed, '&' read as 'and', other punctuation read as a space, and runs of spaces collapsed.
-- unaccent() is only STABLE, so this wrapper names its dictionary explicitly and is declared IMMUTABLE,
-- which lets indexes use it.
CREATE FUNCTION fold_text(value text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
SELECT btrim(regexp_replace(
           regexp_replace(
               regexp_replace(
                   lower(public.unaccent('public.unaccent'::regdictionary, value)),
                   '[''’‘`´ʼ]', '', 'g'),
               '\s*&\s*', ' and ', 'g'),
           '[^a-z0-9]+', ' ', 'g'))
$$;
