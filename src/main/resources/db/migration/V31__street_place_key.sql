-- Finds establishments whose street is written with or without its directional, its suffix or later words, as in
-- "3801 S Wabash Ave" and "3801 S. Wabash": the house number and the first word of the street's name after any
-- directional, from the normalized address_key ("3801 wabash"). AddressKey.placeKey computes the same key in Java,
-- and StreetPlaceKeyTest checks that the two agree.
CREATE FUNCTION street_place_key(address_key text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN regexp_replace(address_key, '^(\S+) (?:(?:n|s|e|w|ne|nw|se|sw) )*(\S+).*$', '\1 \2');

CREATE INDEX establishment_place_key ON establishment (street_place_key(address_key));
