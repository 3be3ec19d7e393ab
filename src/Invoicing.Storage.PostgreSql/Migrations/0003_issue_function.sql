-- 0003: issue invoices in one statement. The client prepares everything that does not depend on the chain head or
-- the counter: the number around its digits, and the hashed bytes and the stored JSON as templates with slots for
-- the previous hash (p), the digits of the number (n), the sequence (s) and the hash (h). The server fills them
-- while it holds the chain head, so the lock lasts one statement and no round trip.
-- The hashed bytes are those of Invoicing.Core.ArchiveHash.Input; the server only fills in values and runs SHA-256.

-- Joins template parts, putting the value of slot i between part i and part i + 1.
CREATE FUNCTION fill_template(parts bytea[], slots text[], previous_hash text, digits text, sequence_text text, hash text)
RETURNS bytea LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    result bytea := parts[1];
    slot_value text;
BEGIN
    IF coalesce(array_length(parts, 1), 0) <> coalesce(array_length(slots, 1), 0) + 1 THEN
        RAISE EXCEPTION 'a template has one more part than slots' USING ERRCODE = '22023';
    END IF;
    FOR i IN 1 .. coalesce(array_length(slots, 1), 0) LOOP
        slot_value := CASE slots[i] WHEN 'p' THEN previous_hash WHEN 'n' THEN digits WHEN 's' THEN sequence_text WHEN 'h' THEN hash END;
        IF slot_value IS NULL THEN
            RAISE EXCEPTION 'template slot % has no value', slots[i] USING ERRCODE = '22023';
        END IF;
        result := result || convert_to(slot_value, 'UTF8') || parts[i + 1];
    END LOOP;
    RETURN result;
END;
$$;

-- Issues documents that credit nothing, in order, in the caller's transaction: for each, checks the draft and the
-- chronology, draws the sequence, appends to the chain, opens the account. The chain head is locked once for the whole
-- call, so concurrent issues of one process share one lock and one commit. Item i has parts 5i-4 .. 5i and slots
-- 4i-3 .. 4i of each template. A refusal undoes only its own item and is returned in its row:
-- IV001 the draft is gone, IV002 backdated (the message is the counter's last issue date), IV003 the number is taken
-- (the message is the number). IV004, the chain head is missing, fails the whole call.
CREATE FUNCTION issue_documents(
    p_counter_keys text[], p_series_ids text[], p_draft_ids uuid[],
    p_number_befores text[], p_digits integer[], p_number_afters text[],
    p_is_credit_notes boolean[], p_customer_keys text[], p_currencies text[],
    p_issue_dates date[], p_due_dates date[], p_amounts_due numeric[], p_issued_ats timestamptz[],
    p_hash_parts bytea[], p_hash_slots text[], p_document_parts bytea[], p_document_slots text[])
RETURNS TABLE (item integer, issued_sequence bigint, issued_previous_hash text, issued_hash text, refusal text, refusal_message text)
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    v_count integer := coalesce(array_length(p_counter_keys, 1), 0);
    v_length bigint;
    v_previous text;
    v_last bigint;
    v_last_date date;
    v_sequence bigint;
    v_digits text;
    v_number text;
    v_hash text;
BEGIN
    IF array_length(p_hash_parts, 1) IS DISTINCT FROM 5 * v_count OR array_length(p_document_parts, 1) IS DISTINCT FROM 5 * v_count
       OR array_length(p_hash_slots, 1) IS DISTINCT FROM 4 * v_count OR array_length(p_document_slots, 1) IS DISTINCT FROM 4 * v_count THEN
        RAISE EXCEPTION 'each item has 5 template parts and 4 slots' USING ERRCODE = '22023';
    END IF;

    SELECT h.length, h.hash INTO v_length, v_previous FROM chain_head h WHERE h.id = 1 FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'the chain head is missing' USING ERRCODE = 'IV004';
    END IF;

    FOR i IN 1 .. v_count LOOP
        item := i;
        BEGIN
            IF p_draft_ids[i] IS NOT NULL THEN
                DELETE FROM drafts d WHERE d.id = p_draft_ids[i];
                IF NOT FOUND THEN
                    RAISE EXCEPTION USING ERRCODE = 'IV001', MESSAGE = p_draft_ids[i]::text;
                END IF;
            END IF;

            v_last := NULL;
            v_last_date := NULL;
            SELECT c.last_sequence, c.last_issue_date INTO v_last, v_last_date FROM counters c WHERE c.counter_key = p_counter_keys[i];
            IF v_last_date > p_issue_dates[i] THEN
                RAISE EXCEPTION USING ERRCODE = 'IV002', MESSAGE = to_char(v_last_date, 'YYYY-MM-DD');
            END IF;

            v_sequence := coalesce(v_last, 0) + 1;
            v_digits := v_sequence::text;
            IF length(v_digits) < p_digits[i] THEN
                v_digits := lpad(v_digits, p_digits[i], '0');
            END IF;
            v_number := p_number_befores[i] || v_digits || p_number_afters[i];
            IF EXISTS (SELECT 1 FROM issued x WHERE x.number = v_number) THEN
                RAISE EXCEPTION USING ERRCODE = 'IV003', MESSAGE = v_number;
            END IF;

            v_hash := encode(sha256(fill_template(p_hash_parts[5 * i - 4 : 5 * i], p_hash_slots[4 * i - 3 : 4 * i], v_previous, v_digits, v_sequence::text, NULL)), 'hex');
            INSERT INTO issued (position, number, series_id, counter_key, sequence, is_credit_note, customer_key, currency,
                                issue_date, due_date, amount_due, issued_at, previous_hash, hash, document)
            VALUES (v_length + 1, v_number, p_series_ids[i], p_counter_keys[i], v_sequence, p_is_credit_notes[i], p_customer_keys[i],
                    p_currencies[i], p_issue_dates[i], p_due_dates[i], p_amounts_due[i], p_issued_ats[i], v_previous, v_hash,
                    convert_from(fill_template(p_document_parts[5 * i - 4 : 5 * i], p_document_slots[4 * i - 3 : 4 * i], v_previous, v_digits, v_sequence::text, v_hash), 'UTF8'));
            INSERT INTO counters (counter_key, series_id, last_sequence, last_issue_date)
            VALUES (p_counter_keys[i], p_series_ids[i], v_sequence, p_issue_dates[i])
            ON CONFLICT (counter_key) DO UPDATE SET last_sequence = EXCLUDED.last_sequence, last_issue_date = EXCLUDED.last_issue_date;
            INSERT INTO accounts (number, customer_key, issue_date, due_date, is_credit_note, amount_due)
            VALUES (v_number, p_customer_keys[i], p_issue_dates[i], p_due_dates[i], p_is_credit_notes[i], p_amounts_due[i]);

            issued_sequence := v_sequence;
            issued_previous_hash := v_previous;
            issued_hash := v_hash;
            refusal := NULL;
            refusal_message := NULL;
            v_length := v_length + 1;
            v_previous := v_hash;
        EXCEPTION WHEN SQLSTATE 'IV001' OR SQLSTATE 'IV002' OR SQLSTATE 'IV003' THEN
            issued_sequence := NULL;
            issued_previous_hash := NULL;
            issued_hash := NULL;
            refusal := SQLSTATE;
            refusal_message := SQLERRM;
        END;
        RETURN NEXT;
    END LOOP;

    UPDATE chain_head h SET length = v_length, hash = v_previous WHERE h.id = 1;
END;
$$;
