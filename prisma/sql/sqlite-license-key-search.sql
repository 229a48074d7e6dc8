-- License-key search index (SQLite): an FTS5 trigram index over every key with its dashes removed,
-- so that a support person's pasted fragment ("7XQ2", "ab12-cd34" or "ab12cd34") finds the key in
-- about a millisecond at a million keys, in any letter case. Contentless (it stores only the index,
-- not a second copy of every key), deletable, sharing the LicenseKey table's rowid, kept in step by
-- triggers. Prisma's schema does not describe it; scripts/new-migration.ts appends this file again
-- whenever a migration redefines the LicenseKey table (which drops the triggers). Safe to repeat.
CREATE VIRTUAL TABLE IF NOT EXISTS "LicenseKeySearch" USING fts5(
  key, tokenize = 'trigram', content = '', contentless_delete = 1
);

DROP TRIGGER IF EXISTS "LicenseKey_search_insert";
DROP TRIGGER IF EXISTS "LicenseKey_search_update";
DROP TRIGGER IF EXISTS "LicenseKey_search_delete";

CREATE TRIGGER "LicenseKey_search_insert" AFTER INSERT ON "LicenseKey" BEGIN
  INSERT INTO "LicenseKeySearch" (rowid, key) VALUES (new.rowid, replace(new."key", '-', ''));
END;

CREATE TRIGGER "LicenseKey_search_update" AFTER UPDATE OF "key" ON "LicenseKey" BEGIN
  DELETE FROM "LicenseKeySearch" WHERE rowid = old.rowid;
  INSERT INTO "LicenseKeySearch" (rowid, key) VALUES (new.rowid, replace(new."key", '-', ''));
END;

CREATE TRIGGER "LicenseKey_search_delete" AFTER DELETE ON "LicenseKey" BEGIN
  DELETE FROM "LicenseKeySearch" WHERE rowid = old.rowid;
END;

DELETE FROM "LicenseKeySearch";
INSERT INTO "LicenseKeySearch" (rowid, key) SELECT rowid, replace("key", '-', '') FROM "LicenseKey";
