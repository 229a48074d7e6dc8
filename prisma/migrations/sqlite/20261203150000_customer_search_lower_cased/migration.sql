-- The customer search index over the lower-cased name and email, which every search now checks
-- its rows against (prisma/sql/sqlite-customer-search.sql, which this copies, says why). Rebuilt.

-- Customer search index (SQLite): an FTS5 trigram index over customer names and emails, so that
-- "kim" finds "Dana Kim" and "acme.io" finds her email in about a millisecond at a million customers.
-- It indexes the lower-cased columns (nameLower, emailLower), and a search checks each row it finds
-- with instr() on them (lib/customers/data-search.ts): the index is a superset of what instr()
-- finds (FTS5 folds case one character at a time, so text inside nameLower stays inside it once
-- folded), and the search means on SQLite what it means on PostgreSQL (LIKE on the same columns),
-- whether it is read from this index or tested row by row (the key list, lib/license-keys).
-- Kept in step by triggers. Prisma's schema does not describe it; scripts/new-migration.ts appends
-- this file again whenever a migration redefines the Customer table (which drops the triggers), and
-- the statements below are safe to repeat (the index is rebuilt).
--
-- Its rowid is the customer's rowid (below 2^40) plus the start of the business's range: a number
-- below 2^21 from the last three characters of the business's id (random base-62 in every id Keydesk
-- makes), times 2^40. A search names its business's range (lib/customers/data-search.ts, customerSearchIn), and
-- FTS5 seeks to it, so a text frequent in another business costs this one nothing: "imura", in no
-- name of a 50,000-customer business but in 28,000 of a million-customer one, took 57 ms when every
-- match was read and its business checked. Two businesses may share a range; the search still
-- checks the business of every row it returns.
DROP TABLE IF EXISTS "CustomerSearch";
CREATE VIRTUAL TABLE "CustomerSearch" USING fts5(name, email, tokenize = 'trigram');

DROP TRIGGER IF EXISTS "Customer_search_insert";
DROP TRIGGER IF EXISTS "Customer_search_update";
DROP TRIGGER IF EXISTS "Customer_search_delete";

CREATE TRIGGER "Customer_search_insert" AFTER INSERT ON "Customer" BEGIN
  INSERT INTO "CustomerSearch" (rowid, name, email) VALUES (
    (coalesce(unicode(substr(new."businessId", -1, 1)), 0) % 128
      + 128 * (coalesce(unicode(substr(new."businessId", -2, 1)), 0) % 128)
      + 16384 * (coalesce(unicode(substr(new."businessId", -3, 1)), 0) % 128)) * 1099511627776 + new.rowid,
    new."nameLower", new."emailLower");
END;

CREATE TRIGGER "Customer_search_update" AFTER UPDATE OF "businessId", "nameLower", "emailLower" ON "Customer" BEGIN
  DELETE FROM "CustomerSearch" WHERE rowid =
    (coalesce(unicode(substr(old."businessId", -1, 1)), 0) % 128
      + 128 * (coalesce(unicode(substr(old."businessId", -2, 1)), 0) % 128)
      + 16384 * (coalesce(unicode(substr(old."businessId", -3, 1)), 0) % 128)) * 1099511627776 + old.rowid;
  INSERT INTO "CustomerSearch" (rowid, name, email) VALUES (
    (coalesce(unicode(substr(new."businessId", -1, 1)), 0) % 128
      + 128 * (coalesce(unicode(substr(new."businessId", -2, 1)), 0) % 128)
      + 16384 * (coalesce(unicode(substr(new."businessId", -3, 1)), 0) % 128)) * 1099511627776 + new.rowid,
    new."nameLower", new."emailLower");
END;

CREATE TRIGGER "Customer_search_delete" AFTER DELETE ON "Customer" BEGIN
  DELETE FROM "CustomerSearch" WHERE rowid =
    (coalesce(unicode(substr(old."businessId", -1, 1)), 0) % 128
      + 128 * (coalesce(unicode(substr(old."businessId", -2, 1)), 0) % 128)
      + 16384 * (coalesce(unicode(substr(old."businessId", -3, 1)), 0) % 128)) * 1099511627776 + old.rowid;
END;

-- In rowid order: FTS5 writes out its pending terms whenever a rowid is not above the last one.
INSERT INTO "CustomerSearch" (rowid, name, email)
SELECT (coalesce(unicode(substr("businessId", -1, 1)), 0) % 128
      + 128 * (coalesce(unicode(substr("businessId", -2, 1)), 0) % 128)
      + 16384 * (coalesce(unicode(substr("businessId", -3, 1)), 0) % 128)) * 1099511627776 + rowid AS "at",
  "nameLower", "emailLower"
FROM "Customer" ORDER BY "at";
