-- Invoicing.Storage.Sqlite schema: the CRM sync ledger. Instants are INTEGER Unix ticks (100 ns).
-- One row per (source, CRM record): the version last applied and what became of it. draft_id is derived from source
-- and record id, so the draft of a record is one row of drafts whoever writes it; a Drafted row whose draft is gone
-- was issued.
CREATE TABLE crm_sync_records (
    source      TEXT NOT NULL,
    record_id   TEXT NOT NULL,
    version     TEXT NOT NULL,
    draft_id    TEXT NOT NULL,
    state       TEXT NOT NULL CHECK (state IN ('Drafted', 'Held', 'Reported')),
    held_reason TEXT,
    updated_at  INTEGER NOT NULL,
    PRIMARY KEY (source, record_id)
);

-- Where each stream (customers, deals) of a source resumes.
CREATE TABLE crm_sync_cursors (
    source TEXT NOT NULL,
    stream TEXT NOT NULL,
    cursor TEXT NOT NULL,
    PRIMARY KEY (source, stream)
);
