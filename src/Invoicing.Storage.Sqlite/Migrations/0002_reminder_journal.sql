-- Invoicing.Storage.Sqlite schema, version 2: the dunning runner's reminder journal (one row per invoice and step).
-- Instants are INTEGER nanoseconds since the Unix epoch, so they compare and sort as instants.
CREATE TABLE reminder_journal (
    invoice_number   TEXT NOT NULL,
    step_id          TEXT NOT NULL,
    state            TEXT NOT NULL CHECK (state IN ('Claimed', 'Sent', 'FailedTransient', 'FailedPermanent')),
    message_id       TEXT NOT NULL,
    planned_for      TEXT NOT NULL,
    worker_id        TEXT NOT NULL,
    lease_expires_at INTEGER NOT NULL,
    attempts         INTEGER NOT NULL,
    created_at       INTEGER NOT NULL,
    sent_at          INTEGER,
    next_attempt_at  INTEGER,
    last_error       TEXT,
    PRIMARY KEY (invoice_number, step_id)
);

-- Unfinished work: claims whose lease may have expired, transient failures waiting for their retry time.
CREATE INDEX reminder_journal_unfinished ON reminder_journal (state, lease_expires_at, next_attempt_at) WHERE state IN ('Claimed', 'FailedTransient');
