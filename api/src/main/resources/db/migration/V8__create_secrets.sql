-- Server secrets shared by every instance (e.g. the key that signs voter tokens), created by
-- the first instance that needs one, so that replicas agree without extra configuration.
CREATE TABLE secrets (
    name  varchar(60) PRIMARY KEY,
    value bytea       NOT NULL
);
