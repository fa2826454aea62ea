-- Similar-name candidates by rare words (CandidateSearch in org.onedoor.businesses.internal). A trigram search of
-- whole names reads every name that shares a common trigram, which took over a second per name at 500,000
-- businesses. Instead, each word of the record is looked up in the small word table (its spellings, by trigram),
-- and names that contain the rarest words are read through GIN indexes on their word arrays, a bounded number per
-- word. The trigram indexes on whole names stay for search.
CREATE INDEX business_name_word_trgm ON business_name_word USING gin (word gin_trgm_ops);
CREATE INDEX business_legal_name_words ON business USING gin (regexp_split_to_array(folded_legal_name, ' '));
CREATE INDEX business_trade_name_words ON business_trade_name USING gin (regexp_split_to_array(folded_name, ' '));
