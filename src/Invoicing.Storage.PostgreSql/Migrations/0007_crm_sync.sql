-- 0007: the CRM sync ledger. Instants are Unix ticks (100 ns), as the clock gave them.
-- One row per (source, CRM record): the version last applied and what became of it. draft_id is derived from source
-- and record id, so the draft of a record is one row of drafts whoever writes it; a Drafted row whose draft is gone
-- was issued. Applying a change takes a transaction-scoped advisory lock on the record, so two syncs queue.

CREATE TABLE crm_sync_records (
    source text COLLATE "C" NOT NULL,
    record_id text COLLATE "C" NOT NULL,
    version text NOT NULL,
    draft_id uuid NOT NULL,
    state text NOT NULL CHECK (state IN ('Drafted', 'Held', 'Reported')),
    held_reason text,
    updated_at bigint NOT NULL,
    PRIMARY KEY (source, record_id)
);

-- Where each stream (customers, deals) of a source resumes.
CREATE TABLE crm_sync_cursors (
    source text COLLATE "C" NOT NULL,
    stream text COLLATE "C" NOT NULL,
    cursor text NOT NULL,
    PRIMARY KEY (source, stream)
);
