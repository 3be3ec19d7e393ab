-- Invoicing.Storage.Sqlite schema, version 8: issued invoices sent to e-invoicing platforms, one row per invoice and
-- platform (the outbox of a platform sender). Instants are INTEGER Unix ticks (100 ns), as the clock gave them.
CREATE TABLE outgoing_flows (
    invoice_number   TEXT NOT NULL,
    platform         TEXT NOT NULL,
    tracking_id      TEXT NOT NULL,
    state            TEXT NOT NULL CHECK (state IN ('Sending', 'Sent', 'Acknowledged', 'Rejected')),
    flow_id          TEXT,
    reason           TEXT,
    worker_id        TEXT NOT NULL,
    lease_expires_at INTEGER NOT NULL,
    attempts         INTEGER NOT NULL CHECK (attempts > 0),
    created_at       INTEGER NOT NULL,
    sent_at          INTEGER,
    acknowledged_at  INTEGER,
    PRIMARY KEY (invoice_number, platform),
    -- A tracking id names one invoice's flow on a platform: a search by it must never find another invoice.
    UNIQUE (platform, tracking_id)
);

-- The sent flows waiting for the platform's verdict, and the claims to pick up again.
CREATE INDEX outgoing_flows_by_state ON outgoing_flows (platform, state, created_at);
