-- Invoicing.Storage.Sqlite schema: recurring schedules and their occurrence ledger.
-- Instants are INTEGER Unix ticks (100 ns), dates TEXT 'yyyy-MM-dd'. definition_json is the schedule in the form of
-- RecurringScheduleJson; the other columns of recurring_schedules are its state, changed by claims, pause and resume.
CREATE TABLE recurring_schedules (
    id              TEXT PRIMARY KEY,
    customer_key    TEXT NOT NULL,
    definition_json TEXT NOT NULL,
    paused_at       INTEGER,
    bill_from       TEXT,
    billed_through  TEXT,
    next_due_at     INTEGER
);

-- What the runner reads each run: the schedules running whose next period has fallen due.
CREATE INDEX recurring_schedules_due ON recurring_schedules (next_due_at) WHERE paused_at IS NULL AND next_due_at IS NOT NULL;

-- One row per period ever claimed; the primary key makes a period claimable once. The periods of a combined
-- catch-up invoice share their draft_id.
CREATE TABLE recurring_occurrences (
    schedule_id      TEXT NOT NULL REFERENCES recurring_schedules (id),
    period_start     TEXT NOT NULL,
    period_end       TEXT NOT NULL,
    draft_id         TEXT NOT NULL,
    state            TEXT NOT NULL CHECK (state IN ('Claimed', 'Issued')),
    worker_id        TEXT NOT NULL,
    lease_expires_at INTEGER NOT NULL,
    claimed_at       INTEGER NOT NULL,
    attempts         INTEGER NOT NULL CHECK (attempts > 0),
    issued_at        INTEGER,
    invoice_number   TEXT,
    PRIMARY KEY (schedule_id, period_start)
);

CREATE INDEX recurring_occurrences_by_draft ON recurring_occurrences (draft_id);
CREATE INDEX recurring_occurrences_unfinished ON recurring_occurrences (claimed_at) WHERE state = 'Claimed';
