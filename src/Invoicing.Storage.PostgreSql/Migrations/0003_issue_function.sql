-- 0003: issue an invoice in one statement. The client prepares everything that does not depend on the chain head or
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

-- Issues a document that credits nothing: checks the draft and the chronology, draws the sequence, appends to the
-- chain, opens the account. Refusals carry their own SQLSTATE so the client raises the same error as the other stores:
-- IV001 the draft is gone, IV002 backdated (the message is the counter's last issue date), IV003 the number is taken
-- (the message is the number), IV004 the chain head is missing. (Npgsql hides DETAIL unless told otherwise.)
CREATE FUNCTION issue_document(
    p_counter_key text, p_series_id text, p_draft_id uuid,
    p_number_before text, p_digits integer, p_number_after text,
    p_is_credit_note boolean, p_customer_key text, p_currency text,
    p_issue_date date, p_due_date date, p_amount_due numeric, p_issued_at timestamptz,
    p_hash_parts bytea[], p_hash_slots text[], p_document_parts bytea[], p_document_slots text[])
RETURNS TABLE (issued_sequence bigint, issued_previous_hash text, issued_hash text)
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    v_length bigint;
    v_previous text;
    v_last bigint;
    v_last_date date;
    v_sequence bigint;
    v_digits text;
    v_number text;
    v_hash text;
BEGIN
    SELECT h.length, h.hash INTO v_length, v_previous FROM chain_head h WHERE h.id = 1 FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'the chain head is missing' USING ERRCODE = 'IV004';
    END IF;

    IF p_draft_id IS NOT NULL THEN
        DELETE FROM drafts d WHERE d.id = p_draft_id;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'there is no draft %', p_draft_id USING ERRCODE = 'IV001';
        END IF;
    END IF;

    SELECT c.last_sequence, c.last_issue_date INTO v_last, v_last_date FROM counters c WHERE c.counter_key = p_counter_key;
    IF v_last_date > p_issue_date THEN
        RAISE EXCEPTION USING ERRCODE = 'IV002', MESSAGE = to_char(v_last_date, 'YYYY-MM-DD');
    END IF;

    v_sequence := coalesce(v_last, 0) + 1;
    v_digits := v_sequence::text;
    IF length(v_digits) < p_digits THEN
        v_digits := lpad(v_digits, p_digits, '0');
    END IF;
    v_number := p_number_before || v_digits || p_number_after;
    IF EXISTS (SELECT 1 FROM issued i WHERE i.number = v_number) THEN
        RAISE EXCEPTION USING ERRCODE = 'IV003', MESSAGE = v_number;
    END IF;

    v_hash := encode(sha256(fill_template(p_hash_parts, p_hash_slots, v_previous, v_digits, v_sequence::text, NULL)), 'hex');

    INSERT INTO issued (position, number, series_id, counter_key, sequence, is_credit_note, customer_key, currency,
                        issue_date, due_date, amount_due, issued_at, previous_hash, hash, document)
    VALUES (v_length + 1, v_number, p_series_id, p_counter_key, v_sequence, p_is_credit_note, p_customer_key, p_currency,
            p_issue_date, p_due_date, p_amount_due, p_issued_at, v_previous, v_hash,
            convert_from(fill_template(p_document_parts, p_document_slots, v_previous, v_digits, v_sequence::text, v_hash), 'UTF8'));
    INSERT INTO counters AS c (counter_key, series_id, last_sequence, last_issue_date)
    VALUES (p_counter_key, p_series_id, v_sequence, p_issue_date)
    ON CONFLICT (counter_key) DO UPDATE SET last_sequence = EXCLUDED.last_sequence, last_issue_date = EXCLUDED.last_issue_date;
    UPDATE chain_head h SET length = v_length + 1, hash = v_hash WHERE h.id = 1;
    INSERT INTO accounts (number, customer_key, issue_date, due_date, is_credit_note, amount_due)
    VALUES (v_number, p_customer_key, p_issue_date, p_due_date, p_is_credit_note, p_amount_due);

    RETURN QUERY SELECT v_sequence, v_previous, v_hash;
END;
$$;
