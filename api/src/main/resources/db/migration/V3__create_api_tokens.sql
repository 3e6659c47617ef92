-- Editor API tokens. Only a SHA-256 hash of each token is kept: the token itself is shown once.
CREATE TABLE api_tokens (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       varchar(120) NOT NULL,
    role       varchar(16)  NOT NULL CHECK (role IN ('AUTHOR', 'EDITOR', 'ADMIN')),
    token_hash bytea        NOT NULL UNIQUE,
    created_at timestamptz  NOT NULL DEFAULT now(),
    created_by varchar(120) NOT NULL,
    revoked_at timestamptz
);
