-- Signed webhooks (org.bantin.webhook). Content changes write an event to the outbox
-- (webhook_events) in their own transaction, with one delivery per webhook that subscribes to it;
-- a worker on each instance sends the due deliveries, each claimed by one instance at a time.

-- The secret is kept as issued: it signs every request, so it must be readable.
CREATE TABLE webhooks (
    id         bigserial     PRIMARY KEY,
    url        varchar(2000) NOT NULL,
    events     text[]        NOT NULL,
    enabled    boolean       NOT NULL,
    secret     varchar(100)  NOT NULL,
    created_at timestamptz   NOT NULL,
    created_by varchar(120)  NOT NULL,
    updated_at timestamptz   NOT NULL,
    version    int           NOT NULL DEFAULT 0
);

-- ordering_key: events of one key (e.g. article:42) reach each webhook in the order they were written.
CREATE TABLE webhook_events (
    id           uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    type         varchar(50)  NOT NULL,
    ordering_key varchar(100) NOT NULL,
    occurred_at  timestamptz  NOT NULL DEFAULT now(),
    data         jsonb        NOT NULL
);

CREATE INDEX webhook_events_occurred_at_idx ON webhook_events (occurred_at);

-- One event for one webhook. Its id orders the deliveries of a key: it is taken in the transaction
-- of the change, after the changed row is written, so the later change has the larger id.
CREATE TABLE webhook_deliveries (
    id              bigserial     PRIMARY KEY,
    webhook_id      bigint        NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    event_id        uuid          NOT NULL REFERENCES webhook_events (id) ON DELETE CASCADE,
    ordering_key    varchar(100)  NOT NULL,
    status          varchar(20)   NOT NULL DEFAULT 'pending'
                                  CHECK (status IN ('pending', 'failed', 'succeeded', 'given_up')),
    attempts        int           NOT NULL DEFAULT 0,
    created_at      timestamptz   NOT NULL DEFAULT now(),
    next_attempt_at timestamptz   NOT NULL DEFAULT now(),
    last_attempt_at timestamptz,
    response_status int,
    duration_ms     int,
    response_body   varchar(2048),
    error           varchar(1000)
);

-- What the worker looks for: due deliveries, and earlier unfinished ones of the same key.
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at)
    WHERE status IN ('pending', 'failed');
CREATE INDEX webhook_deliveries_unfinished_idx ON webhook_deliveries (webhook_id, ordering_key, id)
    WHERE status IN ('pending', 'failed');
-- The delivery log of a webhook, newest first.
CREATE INDEX webhook_deliveries_log_idx ON webhook_deliveries (webhook_id, id);
CREATE INDEX webhook_deliveries_event_idx ON webhook_deliveries (event_id);
