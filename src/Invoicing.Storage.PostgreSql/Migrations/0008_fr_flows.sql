-- 0008: issued invoices sent to e-invoicing platforms, one row per invoice and platform (the outbox of a platform
-- sender). Instants are Unix ticks (100 ns), as the clock gave them.

CREATE TABLE outgoing_flows (
    invoice_number text COLLATE "C" NOT NULL,
    platform text COLLATE "C" NOT NULL,
    tracking_id text COLLATE "C" NOT NULL,
    state text NOT NULL CHECK (state IN ('Sending', 'Sent', 'Acknowledged', 'Rejected')),
    flow_id text,
    reason text,
    worker_id text NOT NULL,
    lease_expires_at bigint NOT NULL,
    attempts integer NOT NULL CHECK (attempts > 0),
    created_at bigint NOT NULL,
    sent_at bigint,
    acknowledged_at bigint,
    PRIMARY KEY (invoice_number, platform),
    -- A tracking id names one invoice's flow on a platform: a search by it must never find another invoice.
    UNIQUE (platform, tracking_id)
);

-- The sent flows waiting for the platform's verdict, and the claims to pick up again.
CREATE INDEX outgoing_flows_by_state ON outgoing_flows (platform, state, created_at);
