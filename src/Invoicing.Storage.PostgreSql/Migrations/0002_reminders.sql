-- 0002: the dunning runner's reminder journal (an outbox with leases) and per-customer / per-invoice dunning settings.
-- Instants are stored as Unix ticks (100 ns), exactly as the clock gave them.

CREATE TABLE reminder_journal (
    invoice_number text COLLATE "C" NOT NULL,
    step_id text COLLATE "C" NOT NULL,
    state text NOT NULL CHECK (state IN ('Claimed', 'Sent', 'FailedTransient', 'FailedPermanent')),
    message_id text NOT NULL,
    planned_for date NOT NULL,
    worker_id text NOT NULL,
    lease_expires_at bigint NOT NULL,
    attempts integer NOT NULL CHECK (attempts > 0),
    created_at bigint NOT NULL,
    sent_at bigint,
    next_attempt_at bigint,
    last_error text,
    PRIMARY KEY (invoice_number, step_id)
);

-- Entries a worker may have to pick up again: expired claims and transient failures.
CREATE INDEX reminder_journal_unfinished ON reminder_journal (created_at) WHERE state IN ('Claimed', 'FailedTransient');

CREATE TABLE dunning_customers (
    customer_key text COLLATE "C" PRIMARY KEY,
    opted_out boolean NOT NULL,
    language text,
    time_zone_id text,
    policy_id text,
    email text
);

CREATE TABLE dunning_invoices (
    invoice_number text COLLATE "C" PRIMARY KEY,
    disputed boolean NOT NULL,
    paused_until date
);
