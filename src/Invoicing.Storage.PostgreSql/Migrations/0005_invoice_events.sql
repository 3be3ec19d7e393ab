-- 0005: the invoice event outbox, the event handlers' cursors, and write-offs on accounts.
-- Instants are Unix ticks (100 ns), as in the reminder journal.

-- A write-off closes an account: is_open must count it. A generated column's expression cannot be changed before
-- PostgreSQL 17, so the column is dropped (its partial index with it) and added again with the new expression.
ALTER TABLE accounts ADD COLUMN written_off numeric NOT NULL DEFAULT 0;
ALTER TABLE accounts ADD COLUMN write_off text;
ALTER TABLE accounts DROP COLUMN is_open;
ALTER TABLE accounts ADD COLUMN is_open boolean GENERATED ALWAYS AS (NOT is_credit_note AND amount_due - paid - credited - written_off > 0) STORED;
CREATE INDEX accounts_open_by_due_date ON accounts (due_date, number) WHERE is_open;

-- The last position given. Every transaction that records an event locks this row until it commits, so positions are
-- committed in increasing order: a reader that has seen position p never later finds a new event at or below p (a
-- sequence could not promise it: a transaction holding a smaller number may commit after one holding a larger).
-- The row is the last lock any event-recording transaction takes, so it adds no lock cycle.
CREATE TABLE event_head (
    id smallint PRIMARY KEY CHECK (id = 1),
    position bigint NOT NULL CHECK (position >= 0)
);
INSERT INTO event_head (id, position) VALUES (1, 0);

CREATE TABLE invoice_events (
    position bigint PRIMARY KEY CHECK (position > 0),
    id uuid NOT NULL UNIQUE,
    kind text NOT NULL CHECK (kind IN ('issued', 'sent', 'viewed', 'paid', 'partly_paid', 'overdue', 'reminded', 'disputed', 'credited', 'written_off')),
    invoice_number text COLLATE "C" NOT NULL,
    customer_key text COLLATE "C" NOT NULL,
    currency text NOT NULL,
    amount numeric,
    occurred_at bigint NOT NULL,
    data text NOT NULL DEFAULT '{}'
);

-- An invoice becomes overdue once, whoever runs the scan.
CREATE UNIQUE INDEX invoice_events_overdue_once ON invoice_events (invoice_number) WHERE kind = 'overdue';

-- Appends one event in the caller's transaction and returns its position.
CREATE FUNCTION record_invoice_event(p_id uuid, p_kind text, p_number text, p_customer_key text, p_currency text, p_amount numeric, p_occurred_at bigint, p_data text)
RETURNS bigint LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    v_position bigint;
BEGIN
    UPDATE event_head h SET position = h.position + 1 WHERE h.id = 1 RETURNING h.position INTO v_position;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'the event head is missing' USING ERRCODE = 'IV005';
    END IF;
    INSERT INTO invoice_events (position, id, kind, invoice_number, customer_key, currency, amount, occurred_at, data)
    VALUES (v_position, p_id, p_kind, p_number, p_customer_key, p_currency, p_amount, p_occurred_at, p_data);
    RETURN v_position;
END;
$$;

-- The issued event of every row added to the archive, in the inserting transaction, whichever path inserted it
-- (issue_documents, the two-step issue of a credit note, or a future one): an issue can never commit without its event.
-- The data is written in the shape of Invoicing.Core.InvoiceEvents.IssuedData (keys sorted, no spaces).
CREATE FUNCTION issued_records_event() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    PERFORM record_invoice_event(
        gen_random_uuid(), 'issued', NEW.number, NEW.customer_key, NEW.currency, NEW.amount_due,
        (extract(epoch FROM NEW.issued_at) * 10000000)::bigint,
        format('{"documentType":"%s","dueDate":"%s","issueDate":"%s"}',
               CASE WHEN NEW.is_credit_note THEN 'creditNote' ELSE 'invoice' END,
               to_char(NEW.due_date, 'YYYY-MM-DD'), to_char(NEW.issue_date, 'YYYY-MM-DD')));
    RETURN NULL;
END;
$$;

CREATE TRIGGER issued_event AFTER INSERT ON issued FOR EACH ROW EXECUTE FUNCTION issued_records_event();

-- One row per handler: the last position delivered to it, and the worker leasing it (so one delivers at a time).
CREATE TABLE invoice_event_cursors (
    handler_name text COLLATE "C" PRIMARY KEY,
    position bigint NOT NULL CHECK (position >= 0),
    worker_id text,
    lease_until bigint NOT NULL
);
