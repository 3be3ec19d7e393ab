-- Invoicing.Storage.Sqlite schema, version 3: customers' and invoices' dunning settings (what the runner reads before a
-- reminder). Absent rows mean the defaults: not opted out, not disputed, not paused. Saving replaces the row.
CREATE TABLE dunning_customers (
    customer_key TEXT PRIMARY KEY,
    opted_out    INTEGER NOT NULL CHECK (opted_out IN (0, 1)),
    language     TEXT,
    time_zone_id TEXT,
    policy_id    TEXT,
    email        TEXT
);

-- paused_until is TEXT 'yyyy-MM-dd' (sorts as a date), NULL when not paused.
CREATE TABLE dunning_invoices (
    invoice_number TEXT PRIMARY KEY,
    disputed       INTEGER NOT NULL CHECK (disputed IN (0, 1)),
    paused_until   TEXT
);
