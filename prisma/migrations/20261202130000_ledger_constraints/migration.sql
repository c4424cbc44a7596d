-- P2 in the database itself, whoever writes: every journal entry balances (checked at commit, so
-- the postings of one entry may be inserted one by one), and a client's cash is never negative
-- (it may be 0, e.g. after a liquidation; debt is the side that grows).

CREATE FUNCTION "ledger_assert_entry_balanced"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  eid TEXT;
  total NUMERIC;
  lines INTEGER;
BEGIN
  FOREACH eid IN ARRAY CASE
    WHEN TG_OP = 'INSERT' THEN ARRAY[NEW."entryId"]
    WHEN TG_OP = 'DELETE' THEN ARRAY[OLD."entryId"]
    ELSE ARRAY[OLD."entryId", NEW."entryId"] END
  LOOP
    SELECT COALESCE(SUM(amount), 0), COUNT(*) INTO total, lines FROM "Posting" WHERE "entryId" = eid;
    -- an entry deleted as a whole (no lines left) is fine; anything else must balance with >= 2 lines
    IF lines > 0 AND (total <> 0 OR lines < 2) THEN
      -- default SQLSTATE P0001: drivers pass its message through (the PGlite adapter drops the
      -- message of a check_violation)
      RAISE EXCEPTION 'unbalanced journal entry %: % posting(s) summing to %', eid, lines, total;
    END IF;
  END LOOP;
  RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER "Posting_entry_balanced"
  AFTER INSERT OR UPDATE OR DELETE ON "Posting"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "ledger_assert_entry_balanced"();

ALTER TABLE "Account" ADD CONSTRAINT "Account_cash_nonnegative" CHECK (cash >= 0);
