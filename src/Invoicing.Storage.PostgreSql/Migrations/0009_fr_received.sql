-- Invoicing.Storage.PostgreSql schema: platform statuses in the event outbox, and the documents received from suppliers.

-- A platform status (a lifecycle status an e-invoicing platform reported) becomes an event kind.
ALTER TABLE invoice_events DROP CONSTRAINT invoice_events_kind_check;
ALTER TABLE invoice_events ADD CONSTRAINT invoice_events_kind_check
    CHECK (kind IN ('issued', 'sent', 'viewed', 'paid', 'partly_paid', 'overdue', 'reminded', 'disputed', 'credited', 'written_off', 'platform_status'));

-- Invoices received from suppliers through a platform, by the platform's flow id (a flow fetched twice is kept once).
-- They are the supplier's documents: not in the seller's numbering, archive or accounts. Instants are ticks since the
-- Unix epoch.
CREATE TABLE received_documents (
    flow_id text COLLATE "C" PRIMARY KEY,
    received_at bigint NOT NULL,
    syntax text NOT NULL,
    file_name text,
    content bytea NOT NULL,
    invoice text,
    issues text NOT NULL DEFAULT '[]',
    buyer_status text,
    buyer_status_at bigint
);

CREATE INDEX received_documents_by_arrival ON received_documents (received_at, flow_id);
