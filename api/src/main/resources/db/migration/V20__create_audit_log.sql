-- What editors did, one row per change or refused token, written after the change committed
-- (org.bantin.audit.AdminWrites). Rows are only ever added: the triggers below refuse UPDATE,
-- DELETE and TRUNCATE, for every statement, even one that would touch no row.
CREATE TABLE audit_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at timestamptz NOT NULL,
    -- No foreign key: the log outlives whatever it names. Null for refused tokens; the token id
    -- is also null for BANTIN_ADMIN_TOKEN.
    actor_token_id bigint,
    actor_name text,
    actor_role text,
    object_type text NOT NULL,
    object_id bigint,
    action text NOT NULL,
    -- Top-level field names of the JSON body, empty without one.
    changed_fields text[] NOT NULL,
    client_address text NOT NULL,
    http_method text NOT NULL,
    path text NOT NULL,
    status smallint NOT NULL
);

-- Newest first, whole or per actor or per object.
CREATE INDEX audit_log_at_idx ON audit_log (at DESC, id DESC);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_name, at DESC, id DESC);
CREATE INDEX audit_log_object_idx ON audit_log (object_type, object_id, at DESC, id DESC);

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % is refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
