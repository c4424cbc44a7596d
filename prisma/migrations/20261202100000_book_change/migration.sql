-- R4 book version: every statement that changes positions or account cash/debt leaves a row here;
-- the risk engine reloads its book when rows exist (see prisma/schema/risk.prisma, BookChange).
CREATE TABLE "BookChange" (
    "id" BIGSERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BookChange_pkey" PRIMARY KEY ("id")
);

CREATE FUNCTION "book_change_note"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "BookChange" ("kind") VALUES (TG_ARGV[0]);
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Position_book_change" AFTER INSERT OR UPDATE OR DELETE ON "Position"
  FOR EACH STATEMENT EXECUTE FUNCTION "book_change_note"('BOOK');
CREATE TRIGGER "Position_book_truncate" AFTER TRUNCATE ON "Position"
  FOR EACH STATEMENT EXECUTE FUNCTION "book_change_note"('BOOK');
CREATE TRIGGER "Account_book_change" AFTER INSERT OR DELETE ON "Account"
  FOR EACH STATEMENT EXECUTE FUNCTION "book_change_note"('BOOK');
CREATE TRIGGER "Account_balances_change" AFTER UPDATE OF "cash", "debt" ON "Account"
  FOR EACH STATEMENT EXECUTE FUNCTION "book_change_note"('BALANCES');
