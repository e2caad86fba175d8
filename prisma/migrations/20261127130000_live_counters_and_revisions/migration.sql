-- CreateTable
CREATE TABLE "ArticleClaimCount" (
    "articleId" UUID NOT NULL,
    "status" "ClaimStatus" NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ArticleClaimCount_pkey" PRIMARY KEY ("articleId","status")
);

-- CreateTable
CREATE TABLE "ArticleRatingCount" (
    "articleId" UUID NOT NULL,
    "rating" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ArticleRatingCount_pkey" PRIMARY KEY ("articleId","rating")
);

-- CreateTable
CREATE TABLE "DeskClaimCount" (
    "shard" INTEGER NOT NULL,
    "status" "ClaimStatus" NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DeskClaimCount_pkey" PRIMARY KEY ("shard","status")
);

-- CreateTable
CREATE TABLE "DeskRevision" (
    "shard" INTEGER NOT NULL,
    "revision" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "DeskRevision_pkey" PRIMARY KEY ("shard")
);

-- CreateIndex
CREATE INDEX "Event_type_at_idx" ON "Event"("type", "at");


-- Hand-written: counters, revisions and notifications kept by triggers, so every code path that
-- changes a claim, a verdict, an article revision or a person keeps them in the same transaction.
--
-- NOTE for editors of this file: the migration engine (driver-adapter mode) splits scripts on every
-- semicolon, so the plpgsql bodies below are E-strings with each statement terminator written as
-- the octal escape \073. Never put a semicolon inside a comment here either.

CREATE FUNCTION cd_shard(uuid) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS 'SELECT hashtext($1::text) & 15';

-- Claims per status: per article and per desk shard, from the statement's transition tables.
CREATE FUNCTION cd_claim_counts_insert() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "ArticleClaimCount" AS t ("articleId", status, count)
    SELECT "articleId", status, count(*)::int FROM new_rows GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT ("articleId", status) DO UPDATE SET count = t.count + EXCLUDED.count\073
  INSERT INTO "DeskClaimCount" AS t (shard, status, count)
    SELECT cd_shard("articleId"), status, count(*)::int FROM new_rows GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (shard, status) DO UPDATE SET count = t.count + EXCLUDED.count\073
  RETURN NULL\073
END';

CREATE FUNCTION cd_claim_counts_update() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "ArticleClaimCount" AS t ("articleId", status, count)
    SELECT "articleId", status, sum(n)::int FROM (
      SELECT "articleId", status, -1 AS n FROM old_rows UNION ALL SELECT "articleId", status, 1 FROM new_rows
    ) d GROUP BY 1, 2 HAVING sum(n) <> 0 ORDER BY 1, 2
    ON CONFLICT ("articleId", status) DO UPDATE SET count = t.count + EXCLUDED.count\073
  INSERT INTO "DeskClaimCount" AS t (shard, status, count)
    SELECT shard, status, sum(n)::int FROM (
      SELECT cd_shard("articleId") AS shard, status, -1 AS n FROM old_rows
      UNION ALL SELECT cd_shard("articleId"), status, 1 FROM new_rows
    ) d GROUP BY 1, 2 HAVING sum(n) <> 0 ORDER BY 1, 2
    ON CONFLICT (shard, status) DO UPDATE SET count = t.count + EXCLUDED.count\073
  RETURN NULL\073
END';

CREATE FUNCTION cd_claim_counts_delete() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "ArticleClaimCount" AS t ("articleId", status, count)
    SELECT "articleId", status, -count(*)::int FROM old_rows GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT ("articleId", status) DO UPDATE SET count = t.count + EXCLUDED.count\073
  INSERT INTO "DeskClaimCount" AS t (shard, status, count)
    SELECT cd_shard("articleId"), status, -count(*)::int FROM old_rows GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (shard, status) DO UPDATE SET count = t.count + EXCLUDED.count\073
  RETURN NULL\073
END';

CREATE TRIGGER cd_claim_counts_insert AFTER INSERT ON "Claim" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cd_claim_counts_insert();
CREATE TRIGGER cd_claim_counts_update AFTER UPDATE ON "Claim" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cd_claim_counts_update();
CREATE TRIGGER cd_claim_counts_delete AFTER DELETE ON "Claim" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cd_claim_counts_delete();

-- Approved verdicts per rating and article.
CREATE FUNCTION cd_rating_counts_insert() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "ArticleRatingCount" AS t ("articleId", rating, count)
    SELECT c."articleId", v.rating, count(*)::int FROM new_rows v JOIN "Claim" c ON c.id = v."claimId"
    WHERE v.status = ''APPROVED'' GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT ("articleId", rating) DO UPDATE SET count = t.count + EXCLUDED.count\073
  RETURN NULL\073
END';

CREATE FUNCTION cd_rating_counts_update() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "ArticleRatingCount" AS t ("articleId", rating, count)
    SELECT c."articleId", d.rating, sum(d.n)::int FROM (
      SELECT "claimId", rating, -1 AS n FROM old_rows WHERE status = ''APPROVED''
      UNION ALL SELECT "claimId", rating, 1 FROM new_rows WHERE status = ''APPROVED''
    ) d JOIN "Claim" c ON c.id = d."claimId" GROUP BY 1, 2 HAVING sum(d.n) <> 0 ORDER BY 1, 2
    ON CONFLICT ("articleId", rating) DO UPDATE SET count = t.count + EXCLUDED.count\073
  RETURN NULL\073
END';

CREATE FUNCTION cd_rating_counts_delete() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "ArticleRatingCount" AS t ("articleId", rating, count)
    SELECT c."articleId", v.rating, -count(*)::int FROM old_rows v JOIN "Claim" c ON c.id = v."claimId"
    WHERE v.status = ''APPROVED'' GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT ("articleId", rating) DO UPDATE SET count = t.count + EXCLUDED.count\073
  RETURN NULL\073
END';

CREATE TRIGGER cd_rating_counts_insert AFTER INSERT ON "Verdict" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cd_rating_counts_insert();
CREATE TRIGGER cd_rating_counts_update AFTER UPDATE ON "Verdict" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cd_rating_counts_update();
CREATE TRIGGER cd_rating_counts_delete AFTER DELETE ON "Verdict" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cd_rating_counts_delete();

-- Revisions: an article's revision change bumps its desk shard and tells every listening API process.
-- The row lock on the shard orders its values by commit, so a listener keeps the highest it saw.
CREATE FUNCTION cd_article_revision_notify() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  s integer := cd_shard(NEW.id)\073
  desk bigint\073
BEGIN
  UPDATE "DeskRevision" SET revision = revision + 1 WHERE shard = s RETURNING revision INTO desk\073
  PERFORM pg_notify(''claimdesk_revision'', json_build_object(''articleId'', NEW.id, ''revision'', NEW.revision, ''shard'', s, ''desk'', desk::text)::text)\073
  RETURN NULL\073
END';

CREATE TRIGGER cd_article_revision_insert AFTER INSERT ON "Article"
  FOR EACH ROW EXECUTE FUNCTION cd_article_revision_notify();
CREATE TRIGGER cd_article_revision_update AFTER UPDATE ON "Article"
  FOR EACH ROW WHEN (OLD.revision IS DISTINCT FROM NEW.revision) EXECUTE FUNCTION cd_article_revision_notify();

-- People edits an admin or a reviewer makes (not the router's load changes, which come with events).
CREATE FUNCTION cd_people_revision_notify() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  desk bigint\073
BEGIN
  UPDATE "DeskRevision" SET revision = revision + 1 WHERE shard = 16 RETURNING revision INTO desk\073
  PERFORM pg_notify(''claimdesk_revision'', json_build_object(''shard'', 16, ''desk'', desk::text)::text)\073
  RETURN NULL\073
END';

CREATE TRIGGER cd_people_revision_insert AFTER INSERT ON "Person"
  FOR EACH ROW EXECUTE FUNCTION cd_people_revision_notify();
CREATE TRIGGER cd_people_revision_update AFTER UPDATE ON "Person"
  FOR EACH ROW WHEN ((OLD.name, OLD.role, OLD.capacity, OLD.active, OLD."availableFrom", OLD."availableUntil")
    IS DISTINCT FROM (NEW.name, NEW.role, NEW.capacity, NEW.active, NEW."availableFrom", NEW."availableUntil"))
  EXECUTE FUNCTION cd_people_revision_notify();

-- Every event, as committed, to the listening API processes (they relay it to subscriptions once).
CREATE FUNCTION cd_event_notify() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  body text := json_build_object(''id'', NEW.id::text, ''type'', NEW.type, ''articleId'', NEW."articleId",
    ''claimId'', NEW."claimId", ''actorId'', NEW."actorId", ''payload'', NEW.payload, ''at'', NEW.at)::text\073
BEGIN
  IF octet_length(body) > 7000 THEN
    body := json_build_object(''id'', NEW.id::text, ''type'', NEW.type, ''articleId'', NEW."articleId", ''truncated'', true)::text\073
  END IF\073
  PERFORM pg_notify(''claimdesk_event'', body)\073
  RETURN NULL\073
END';

CREATE TRIGGER cd_event_notify AFTER INSERT ON "Event"
  FOR EACH ROW EXECUTE FUNCTION cd_event_notify();

-- Counters start from what is stored.
INSERT INTO "DeskRevision" (shard, revision) SELECT s, 0 FROM generate_series(0, 16) s;
INSERT INTO "ArticleClaimCount" ("articleId", status, count)
  SELECT "articleId", status, count(*)::int FROM "Claim" GROUP BY 1, 2;
INSERT INTO "DeskClaimCount" (shard, status, count)
  SELECT cd_shard("articleId"), status, count(*)::int FROM "Claim" GROUP BY 1, 2;
INSERT INTO "ArticleRatingCount" ("articleId", rating, count)
  SELECT c."articleId", v.rating, count(*)::int FROM "Verdict" v JOIN "Claim" c ON c.id = v."claimId"
  WHERE v.status = 'APPROVED' GROUP BY 1, 2;
