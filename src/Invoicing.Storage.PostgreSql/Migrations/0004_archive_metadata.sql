-- 0004: the archive hashes every column of an issued row that numbering, queries and audit read (hash format 2: counter
-- key, type, dates, customer, currency, amount due, beside what format 1 covered). Documents issued before this script
-- keep their format-1 hashes (re-hashing them would break the chain). Right after the script, in the same transaction,
-- the store seals them (PostgreSqlArchiveCheckpoint): one row of archive_seals per such document, chained over its
-- metadata and the counter_key its row holds, and one archive_checkpoint row, whose hash becomes the chain head, so the
-- first format-2 document links to it. An archive without issued documents gets no checkpoint.

-- Issues lock the chain head before they touch issued; so does this migration, so that an instance issuing meanwhile
-- waits for it instead of deadlocking with it.
SELECT 1 FROM chain_head WHERE id = 1 FOR UPDATE;

CREATE TABLE archive_seals (
    position bigint PRIMARY KEY REFERENCES issued (position),
    seal char(64) NOT NULL
);

CREATE TABLE archive_checkpoint (
    id smallint PRIMARY KEY CHECK (id = 1),
    documents_covered bigint NOT NULL CHECK (documents_covered > 0),
    last_hash char(64) NOT NULL,
    seal char(64) NOT NULL,
    hash char(64) NOT NULL,
    sealed_at timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION archive_seal_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the archive''s seals and checkpoint are immutable: % refused', TG_OP USING ERRCODE = 'P0001';
END;
$$;

CREATE TRIGGER archive_seals_immutable BEFORE UPDATE OR DELETE ON archive_seals FOR EACH ROW EXECUTE FUNCTION archive_seal_immutable();
CREATE TRIGGER archive_seals_no_truncate BEFORE TRUNCATE ON archive_seals FOR EACH STATEMENT EXECUTE FUNCTION archive_seal_immutable();
CREATE TRIGGER archive_checkpoint_immutable BEFORE UPDATE OR DELETE ON archive_checkpoint FOR EACH ROW EXECUTE FUNCTION archive_seal_immutable();
CREATE TRIGGER archive_checkpoint_no_truncate BEFORE TRUNCATE ON archive_checkpoint FOR EACH STATEMENT EXECUTE FUNCTION archive_seal_immutable();

-- A host instance still running an earlier version of the package (it migrated before this script) would append
-- format-1 documents after the checkpoint; they are refused, and its issue fails without consuming a number. The stored
-- JSON is compact, and a quote inside a JSON string is escaped, so the text below only occurs as the property.
CREATE FUNCTION issued_hash_format() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF strpos(NEW.document, '"hashFormat":2') = 0 THEN
        RAISE EXCEPTION 'issued documents are hashed in format 2 in this schema: upgrade Invoicing.Storage.PostgreSql' USING ERRCODE = 'P0001';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER issued_hash_format BEFORE INSERT ON issued FOR EACH ROW EXECUTE FUNCTION issued_hash_format();
