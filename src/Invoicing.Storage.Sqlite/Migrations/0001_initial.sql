-- Invoicing.Storage.Sqlite schema, version 1.
-- Amounts are TEXT holding the invariant decimal (exact, never a float); dates are TEXT 'yyyy-MM-dd' and sort as dates;
-- instants are TEXT ISO 8601 UTC.

-- Drafts: mutable, no number.
CREATE TABLE drafts (
    id            TEXT PRIMARY KEY,
    document_json TEXT NOT NULL
);

-- One row per numbering counter (series id, plus the year for yearly series): the last sequence drawn and the
-- issue date of the last document, for chronological numbering. Updated in the issuing transaction only.
CREATE TABLE counters (
    counter_key     TEXT PRIMARY KEY,
    last_sequence   INTEGER NOT NULL CHECK (last_sequence > 0),
    last_issue_date TEXT NOT NULL
);

-- The archive: issued invoices and credit notes, frozen. position is the order of the hash chain.
-- document_json is the whole IssuedInvoice (document, totals, series, sequence, issue instant, hashes);
-- the other columns copy parts of it for lookups and are checked against it by the archive verification.
CREATE TABLE issued_documents (
    position      INTEGER PRIMARY KEY,
    number        TEXT NOT NULL UNIQUE,
    series_id     TEXT NOT NULL,
    counter_key   TEXT NOT NULL,
    sequence      INTEGER NOT NULL CHECK (sequence > 0),
    type_code     INTEGER NOT NULL,
    issue_date    TEXT NOT NULL,
    issued_at     TEXT NOT NULL,
    previous_hash TEXT NOT NULL,
    hash          TEXT NOT NULL UNIQUE,
    document_json TEXT NOT NULL,
    UNIQUE (counter_key, sequence)
);

-- Issued rows never change, whoever connects.
CREATE TRIGGER issued_documents_no_update BEFORE UPDATE ON issued_documents
BEGIN
    SELECT RAISE(ABORT, 'issued documents are immutable: issue a credit note instead');
END;

CREATE TRIGGER issued_documents_no_delete BEFORE DELETE ON issued_documents
BEGIN
    SELECT RAISE(ABORT, 'issued documents are immutable: issue a credit note instead');
END;

-- What happens to an issued document after issue: payments, credits, the balance. Mutable, one row per issued
-- document, updated in the transaction that records a payment or issues a credit note.
CREATE TABLE accounts (
    number         TEXT PRIMARY KEY REFERENCES issued_documents (number),
    is_credit_note INTEGER NOT NULL,
    customer_key   TEXT NOT NULL,
    issue_date     TEXT NOT NULL,
    due_date       TEXT NOT NULL,
    currency       TEXT NOT NULL,
    amount_due     TEXT NOT NULL,
    balance        TEXT NOT NULL,
    is_open        INTEGER NOT NULL,
    payments_json  TEXT NOT NULL DEFAULT '[]',
    credits_json   TEXT NOT NULL DEFAULT '[]'
);

-- Open invoices by due date (dunning), by customer (statements), everything by due date (reporting).
CREATE INDEX accounts_open_by_due_date ON accounts (due_date, number) WHERE is_open = 1;
CREATE INDEX accounts_by_customer ON accounts (customer_key, due_date, number);
CREATE INDEX accounts_by_due_date ON accounts (due_date, number);
CREATE INDEX accounts_by_issue_date ON accounts (issue_date);

-- Every payment once: the id is the key, so a payment recorded twice is refused.
CREATE TABLE payments (
    id             TEXT PRIMARY KEY,
    invoice_number TEXT NOT NULL REFERENCES accounts (number),
    value_date     TEXT NOT NULL,
    amount         TEXT NOT NULL,
    method         TEXT NOT NULL,
    reference      TEXT
);

CREATE INDEX payments_by_invoice ON payments (invoice_number);
