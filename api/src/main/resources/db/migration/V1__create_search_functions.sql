-- Search ignores Vietnamese tones and marks: unaccent, wrapped so that it can be used in a
-- generated column and an index (the extension's own function is only STABLE).
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE FUNCTION bantin_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN public.unaccent('public.unaccent'::regdictionary, $1);
