-- Keys and tables for the duplicate matching engine (MatchScorer and CandidateSearch in
-- org.onedoor.businesses.internal). Candidates are found through B-tree indexes on exact keys (FEIN, phone in
-- E.164, website key, address key, name key without spaces) and through the trigram indexes on folded names from
-- V6. So the search never reads the whole table, however large it grows.

-- Website key: host without "www." and path without trailing slash, lower case, without scheme, query or
-- fragment ('example.com/jobs' for "https://www.Example.com/Jobs/"). The application computes it the same way.
ALTER TABLE business ADD COLUMN website_key text CHECK (website_key <> '');

UPDATE business
SET website_key = nullif(
        regexp_replace(
            regexp_replace(
                regexp_replace(
                    regexp_replace(lower(btrim(website)), '^[a-z][a-z0-9+.-]*://', ''),
                    '[?#].*$', ''),
                '^www\.', ''),
            '/+$', ''),
        '')
WHERE website IS NOT NULL;

CREATE INDEX business_website_key ON business (website_key) WHERE website_key IS NOT NULL;

-- How many business names (legal and trade names) contain each folded word, so matching can weight a shared word
-- by its rarity: "staffing" in many names is weak evidence, "ragamuffin" in one is strong.
CREATE TABLE business_name_word (
    word       text PRIMARY KEY CHECK (word <> ''),
    name_count integer NOT NULL CHECK (name_count >= 0)
);

-- The backfill splits fold_text, so single letters ("a b c") count as separate words and legal forms count too.
-- The application counts the words of its name key instead. The two differ only for names with initials.
INSERT INTO business_name_word (word, name_count)
SELECT word, count(*)
FROM (SELECT DISTINCT n.id, n.kind, w.word
      FROM (SELECT id, 'legal' AS kind, folded_legal_name AS folded FROM business
            UNION ALL
            SELECT id, 'trade', folded_name FROM business_trade_name) n,
           regexp_split_to_table(n.folded, ' ') AS w(word)
      WHERE w.word <> '') words
GROUP BY word;
