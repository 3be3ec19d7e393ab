-- 0006: recurring schedules and their occurrence ledger. Instants are Unix ticks (100 ns), as the clock gave them.
-- definition is the schedule in the form of RecurringScheduleJson; the other columns are its state, changed by claims,
-- pause and resume. A claim updates the schedule row only from the billed_through day the worker planned from (the
-- row lock serializes concurrent claims; the loser finds the day moved and claims nothing).

CREATE TABLE recurring_schedules (
    id text COLLATE "C" PRIMARY KEY,
    customer_key text COLLATE "C" NOT NULL,
    definition text NOT NULL,
    paused_at bigint,
    bill_from date,
    billed_through date,
    next_due_at bigint
);

CREATE INDEX recurring_schedules_due ON recurring_schedules (next_due_at, id) WHERE paused_at IS NULL AND next_due_at IS NOT NULL;

-- One row per period ever claimed: the primary key makes a period claimable once. The periods of a combined
-- catch-up invoice share their draft_id.
CREATE TABLE recurring_occurrences (
    schedule_id text COLLATE "C" NOT NULL REFERENCES recurring_schedules (id),
    period_start date NOT NULL,
    period_end date NOT NULL CHECK (period_end >= period_start),
    draft_id uuid NOT NULL,
    state text NOT NULL CHECK (state IN ('Claimed', 'Issued')),
    worker_id text NOT NULL,
    lease_expires_at bigint NOT NULL,
    claimed_at bigint NOT NULL,
    attempts integer NOT NULL CHECK (attempts > 0),
    issued_at bigint,
    invoice_number text COLLATE "C",
    PRIMARY KEY (schedule_id, period_start)
);

CREATE INDEX recurring_occurrences_by_draft ON recurring_occurrences (draft_id);
CREATE INDEX recurring_occurrences_unfinished ON recurring_occurrences (claimed_at) WHERE state = 'Claimed';
