-- Customer search index (SQLite): an FTS5 trigram index over customer names and emails, so that
-- "kim" finds "Dana Kim" and "acme.io" finds her email in about a millisecond at a million customers.
-- Its rows share the Customer table's rowid and are kept in step by triggers. Prisma's schema does
-- not describe it; scripts/new-migration.ts appends this file again whenever a migration redefines
-- the Customer table (which drops the triggers), and the statements below are safe to repeat.
CREATE VIRTUAL TABLE IF NOT EXISTS "CustomerSearch" USING fts5(name, email, tokenize = 'trigram');

DROP TRIGGER IF EXISTS "Customer_search_insert";
DROP TRIGGER IF EXISTS "Customer_search_update";
DROP TRIGGER IF EXISTS "Customer_search_delete";

CREATE TRIGGER "Customer_search_insert" AFTER INSERT ON "Customer" BEGIN
  INSERT INTO "CustomerSearch" (rowid, name, email) VALUES (new.rowid, new."name", new."email");
END;

CREATE TRIGGER "Customer_search_update" AFTER UPDATE OF "name", "email" ON "Customer" BEGIN
  DELETE FROM "CustomerSearch" WHERE rowid = old.rowid;
  INSERT INTO "CustomerSearch" (rowid, name, email) VALUES (new.rowid, new."name", new."email");
END;

CREATE TRIGGER "Customer_search_delete" AFTER DELETE ON "Customer" BEGIN
  DELETE FROM "CustomerSearch" WHERE rowid = old.rowid;
END;

DELETE FROM "CustomerSearch";
INSERT INTO "CustomerSearch" (rowid, name, email) SELECT rowid, "name", "email" FROM "Customer";
