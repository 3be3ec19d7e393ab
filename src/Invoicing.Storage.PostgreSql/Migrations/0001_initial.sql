-- 0001: drafts, number counters, the hash-chained archive of issued documents, accounts (payments and credits).
-- Applied inside one transaction, under the schema's advisory lock, with search_path set to the store's schema.

CREATE TABLE drafts (
    id uuid PRIMARY KEY,
    document text NOT NULL,
    saved_at timestamptz NOT NULL DEFAULT now()
);

-- One row per counter key (the series id, with the year for yearly series): the last sequence drawn.
CREATE TABLE counters (
    counter_key text COLLATE "C" PRIMARY KEY,
    series_id text COLLATE "C" NOT NULL,
    last_sequence bigint NOT NULL CHECK (last_sequence > 0),
    last_issue_date date NOT NULL
);

-- The head of the global hash chain: one row, locked by every issue, so appends are serialized.
CREATE TABLE chain_head (
    id smallint PRIMARY KEY CHECK (id = 1),
    length bigint NOT NULL CHECK (length >= 0),
    hash char(64) NOT NULL
);
INSERT INTO chain_head (id, length, hash) VALUES (1, 0, repeat('0', 64));

-- Issued documents, frozen: the JSON of the issued document is the record; the other columns are copies for queries.
CREATE TABLE issued (
    position bigint PRIMARY KEY CHECK (position > 0),
    number text COLLATE "C" NOT NULL UNIQUE,
    series_id text COLLATE "C" NOT NULL,
    counter_key text COLLATE "C" NOT NULL,
    sequence bigint NOT NULL CHECK (sequence > 0),
    is_credit_note boolean NOT NULL,
    customer_key text COLLATE "C" NOT NULL,
    currency text NOT NULL,
    issue_date date NOT NULL,
    due_date date NOT NULL,
    amount_due numeric NOT NULL,
    issued_at timestamptz NOT NULL,
    previous_hash char(64) NOT NULL,
    hash char(64) NOT NULL UNIQUE,
    document text NOT NULL,
    UNIQUE (counter_key, sequence)
);

CREATE FUNCTION issued_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        RAISE EXCEPTION 'issued documents are immutable: TRUNCATE refused' USING ERRCODE = 'P0001';
    END IF;
    RAISE EXCEPTION 'issued document % is immutable: % refused', OLD.number, TG_OP USING ERRCODE = 'P0001';
END;
$$;

CREATE TRIGGER issued_no_update BEFORE UPDATE ON issued FOR EACH ROW EXECUTE FUNCTION issued_immutable();
CREATE TRIGGER issued_no_delete BEFORE DELETE ON issued FOR EACH ROW EXECUTE FUNCTION issued_immutable();
CREATE TRIGGER issued_no_truncate BEFORE TRUNCATE ON issued FOR EACH STATEMENT EXECUTE FUNCTION issued_immutable();

-- What changes after issue: payments and credits, and the balance they leave.
CREATE TABLE accounts (
    number text COLLATE "C" PRIMARY KEY REFERENCES issued (number),
    customer_key text COLLATE "C" NOT NULL,
    issue_date date NOT NULL,
    due_date date NOT NULL,
    is_credit_note boolean NOT NULL,
    amount_due numeric NOT NULL,
    paid numeric NOT NULL DEFAULT 0,
    credited numeric NOT NULL DEFAULT 0,
    is_open boolean GENERATED ALWAYS AS (NOT is_credit_note AND amount_due - paid - credited > 0) STORED,
    payments text NOT NULL DEFAULT '[]',
    credits text NOT NULL DEFAULT '[]'
);

CREATE INDEX accounts_open_by_due_date ON accounts (due_date, number) WHERE is_open;
CREATE INDEX accounts_by_customer ON accounts (customer_key, due_date, number);
CREATE INDEX accounts_by_due_date ON accounts (due_date, number);
CREATE INDEX accounts_by_issue_date ON accounts (issue_date);

-- Every payment id ever recorded, so recording one twice is refused even across invoices and processes.
CREATE TABLE payment_ids (
    id uuid PRIMARY KEY,
    invoice_number text COLLATE "C" NOT NULL REFERENCES accounts (number)
);
