-- Invoicing.Storage.Sqlite schema: platform statuses in the event outbox, and the documents received from suppliers.

-- A platform status (a lifecycle status an e-invoicing platform reported) becomes an event kind. SQLite cannot change
-- a CHECK constraint, so the outbox moves to a table that allows it, keeping every position and the AUTOINCREMENT
-- counter (a position is never given twice, even if the last rows had gone).
CREATE TABLE invoice_events_next (
    position       INTEGER PRIMARY KEY AUTOINCREMENT,
    id             TEXT NOT NULL UNIQUE,
    kind           TEXT NOT NULL CHECK (kind IN ('issued', 'sent', 'viewed', 'paid', 'partly_paid', 'overdue', 'reminded', 'disputed', 'credited', 'written_off', 'platform_status')),
    invoice_number TEXT NOT NULL,
    customer_key   TEXT NOT NULL,
    currency       TEXT NOT NULL,
    amount         TEXT,
    occurred_at    INTEGER NOT NULL,
    data_json      TEXT NOT NULL DEFAULT '{}'
);

INSERT INTO invoice_events_next (position, id, kind, invoice_number, customer_key, currency, amount, occurred_at, data_json)
SELECT position, id, kind, invoice_number, customer_key, currency, amount, occurred_at, data_json FROM invoice_events ORDER BY position;

DELETE FROM sqlite_sequence WHERE name = 'invoice_events_next';
INSERT INTO sqlite_sequence (name, seq) SELECT 'invoice_events_next', seq FROM sqlite_sequence WHERE name = 'invoice_events';

DROP TABLE invoice_events;
ALTER TABLE invoice_events_next RENAME TO invoice_events;

-- An invoice becomes overdue once: the scanner's insert is ignored when the row exists, whoever runs it.
CREATE UNIQUE INDEX invoice_events_overdue_once ON invoice_events (invoice_number) WHERE kind = 'overdue';

-- Invoices received from suppliers through a platform, by the platform's flow id (a flow fetched twice is kept once).
-- They are the supplier's documents: not in the seller's numbering, archive or accounts. Instants are ticks since the
-- Unix epoch, like the recurring schedules'.
CREATE TABLE received_documents (
    flow_id         TEXT PRIMARY KEY,
    received_at     INTEGER NOT NULL,
    syntax          TEXT NOT NULL,
    file_name       TEXT,
    content         BLOB NOT NULL,
    invoice_json    TEXT,
    issues_json     TEXT NOT NULL DEFAULT '[]',
    buyer_status    TEXT,
    buyer_status_at INTEGER
);

CREATE INDEX received_documents_by_arrival ON received_documents (received_at, flow_id);
