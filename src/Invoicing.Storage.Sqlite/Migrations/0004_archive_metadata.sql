-- Invoicing.Storage.Sqlite schema: the archive hashes every column of an issued row that numbering, queries and audit
-- read (hash format 2: counter key, type, dates, customer, currency, amount due, beside what format 1 covered).
-- Documents issued before this script keep their format-1 hashes (re-hashing them would break the chain). Right after
-- the script, in the same transaction, the store seals them (SqliteArchiveCheckpoint): one row of archive_seals per such
-- document, chained over its metadata and the counter_key its row holds, and one archive_checkpoint row, whose hash the
-- first format-2 document links to. An archive without issued documents gets no checkpoint.
CREATE TABLE archive_seals (
    position INTEGER PRIMARY KEY REFERENCES issued_documents (position),
    seal     TEXT NOT NULL
);

CREATE TABLE archive_checkpoint (
    id                INTEGER PRIMARY KEY CHECK (id = 1),
    documents_covered INTEGER NOT NULL CHECK (documents_covered > 0),
    last_hash         TEXT NOT NULL UNIQUE,
    seal              TEXT NOT NULL,
    hash              TEXT NOT NULL,
    sealed_at         TEXT NOT NULL
);

CREATE TRIGGER archive_seals_no_update BEFORE UPDATE ON archive_seals
BEGIN
    SELECT RAISE(ABORT, 'archive seals are immutable');
END;

CREATE TRIGGER archive_seals_no_delete BEFORE DELETE ON archive_seals
BEGIN
    SELECT RAISE(ABORT, 'archive seals are immutable');
END;

CREATE TRIGGER archive_checkpoint_no_update BEFORE UPDATE ON archive_checkpoint
BEGIN
    SELECT RAISE(ABORT, 'the archive checkpoint is immutable');
END;

CREATE TRIGGER archive_checkpoint_no_delete BEFORE DELETE ON archive_checkpoint
BEGIN
    SELECT RAISE(ABORT, 'the archive checkpoint is immutable');
END;

-- A process still running an earlier version of the package (it migrated before this script) would append format-1
-- documents after the checkpoint; they are refused, and that process's issue fails without consuming a number.
-- The stored JSON is compact, and a quote inside a JSON string is escaped, so the text below only occurs as the property.
CREATE TRIGGER issued_documents_hash_format BEFORE INSERT ON issued_documents
WHEN instr(NEW.document_json, '"hashFormat":2') = 0
BEGIN
    SELECT RAISE(ABORT, 'issued documents are hashed in format 2 in this database: upgrade Invoicing.Storage.Sqlite');
END;
