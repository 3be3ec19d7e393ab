-- Invoicing.Storage.Sqlite schema: the invoice event outbox, the event handlers' cursors, and write-offs on accounts.
-- Events are inserted in the transaction of the change they record; position is their order (AUTOINCREMENT: a
-- position is never given twice, even after the last row is gone). Instants are INTEGER nanoseconds since the Unix epoch.
ALTER TABLE accounts ADD COLUMN write_off_json TEXT;

CREATE TABLE invoice_events (
    position       INTEGER PRIMARY KEY AUTOINCREMENT,
    id             TEXT NOT NULL UNIQUE,
    kind           TEXT NOT NULL CHECK (kind IN ('issued', 'sent', 'viewed', 'paid', 'partly_paid', 'overdue', 'reminded', 'disputed', 'credited', 'written_off')),
    invoice_number TEXT NOT NULL,
    customer_key   TEXT NOT NULL,
    currency       TEXT NOT NULL,
    amount         TEXT,
    occurred_at    INTEGER NOT NULL,
    data_json      TEXT NOT NULL DEFAULT '{}'
);

-- An invoice becomes overdue once: the scanner's insert is ignored when the row exists, whoever runs it.
CREATE UNIQUE INDEX invoice_events_overdue_once ON invoice_events (invoice_number) WHERE kind = 'overdue';

-- One row per handler: the last position delivered to it, and the worker leasing it (so one delivers at a time).
CREATE TABLE invoice_event_cursors (
    handler_name TEXT PRIMARY KEY,
    position     INTEGER NOT NULL CHECK (position >= 0),
    worker_id    TEXT,
    lease_until  INTEGER NOT NULL
);
