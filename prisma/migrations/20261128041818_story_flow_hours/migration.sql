-- The stories' status flows per hour for the Grafana CFD (see TapdStoryFlow in schema.prisma), kept by
-- the triggers below for every writer, and filled from the history already synced.

-- CreateTable (clustered on its key: a CFD reads ranges of hours with their counts)
CREATE TABLE "TapdStoryFlow" (
    "workspaceId" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "hour" INTEGER NOT NULL,
    "kind" INTEGER NOT NULL,
    "before" TEXT NOT NULL,
    "after" TEXT NOT NULL,
    "n" INTEGER NOT NULL,

    PRIMARY KEY ("workspaceId", "scope", "hour", "kind", "before", "after")
) WITHOUT ROWID;

-- CreateTable
CREATE TABLE "TapdStoryFlowState" (
    "storyId" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "createdHour" INTEGER,
    "initial" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "TapdStoryFlowTouch" (
    "storyId" TEXT NOT NULL PRIMARY KEY
);

-- A count that falls to zero is removed.
CREATE TRIGGER "TapdStoryFlow_drop_zero" AFTER UPDATE OF "n" ON "TapdStoryFlow" WHEN NEW."n" = 0
BEGIN
  DELETE FROM "TapdStoryFlow" WHERE "workspaceId" = NEW."workspaceId" AND "scope" = NEW."scope"
    AND "hour" = NEW."hour" AND "kind" = NEW."kind" AND "before" = NEW."before" AND "after" = NEW."after";
END;

-- Where every count goes in: a row written to this view counts for its workspace ("*") and for its
-- story's scope as last recorded in TapdStoryFlowState.
CREATE VIEW "TapdStoryFlowDelta" AS
SELECT '' AS "workspaceId", '' AS "storyId", 0 AS "hour", 0 AS "kind", '' AS "before", '' AS "after", 0 AS "n" WHERE 0;

CREATE TRIGGER "TapdStoryFlowDelta_count" INSTEAD OF INSERT ON "TapdStoryFlowDelta"
BEGIN
  INSERT INTO "TapdStoryFlow" ("workspaceId", "scope", "hour", "kind", "before", "after", "n")
  SELECT NEW."workspaceId", '*', NEW."hour", NEW."kind", NEW."before", NEW."after", NEW."n"
  UNION ALL
  SELECT NEW."workspaceId", st."scope", NEW."hour", NEW."kind", NEW."before", NEW."after", NEW."n"
  FROM "TapdStoryFlowState" st WHERE st."storyId" = NEW."storyId" AND st."scope" <> ''
  ON CONFLICT ("workspaceId", "scope", "hour", "kind", "before", "after") DO UPDATE SET "n" = "n" + excluded."n";
END;

-- A story status change is counted (a deleted one taken back); then its story is touched, as the
-- change may be (or have been) its first.
CREATE TRIGGER "TapdChange_flow_insert" AFTER INSERT ON "TapdChange"
WHEN NEW."entityType" = 'story' AND NEW."field" = 'status'
BEGIN
  INSERT INTO "TapdStoryFlowDelta" VALUES (NEW."workspaceId", NEW."entityId", unixepoch(NEW."changedAt") / 3600, 0,
    coalesce(NEW."before", ''), coalesce(NEW."after", ''), 1);
  INSERT INTO "TapdStoryFlowTouch" ("storyId") VALUES (NEW."entityId");
END;

CREATE TRIGGER "TapdChange_flow_delete" AFTER DELETE ON "TapdChange"
WHEN OLD."entityType" = 'story' AND OLD."field" = 'status'
BEGIN
  INSERT INTO "TapdStoryFlowDelta" VALUES (OLD."workspaceId", OLD."entityId", unixepoch(OLD."changedAt") / 3600, 0,
    coalesce(OLD."before", ''), coalesce(OLD."after", ''), -1);
  INSERT INTO "TapdStoryFlowTouch" ("storyId") VALUES (OLD."entityId");
END;

-- An update is the old row taken back and the new one counted (a sync rewrites rows unchanged: skipped).
CREATE TRIGGER "TapdChange_flow_update" AFTER UPDATE ON "TapdChange"
WHEN (OLD."entityType" = 'story' AND OLD."field" = 'status' OR NEW."entityType" = 'story' AND NEW."field" = 'status')
  AND (OLD."entityType" IS NOT NEW."entityType" OR OLD."field" IS NOT NEW."field" OR OLD."entityId" IS NOT NEW."entityId"
    OR OLD."workspaceId" IS NOT NEW."workspaceId" OR OLD."before" IS NOT NEW."before" OR OLD."after" IS NOT NEW."after"
    OR OLD."changedAt" IS NOT NEW."changedAt" OR OLD."id" IS NOT NEW."id")
BEGIN
  INSERT INTO "TapdStoryFlowDelta"
  SELECT OLD."workspaceId", OLD."entityId", unixepoch(OLD."changedAt") / 3600, 0, coalesce(OLD."before", ''), coalesce(OLD."after", ''), -1
  WHERE OLD."entityType" = 'story' AND OLD."field" = 'status';
  INSERT INTO "TapdStoryFlowDelta"
  SELECT NEW."workspaceId", NEW."entityId", unixepoch(NEW."changedAt") / 3600, 0, coalesce(NEW."before", ''), coalesce(NEW."after", ''), 1
  WHERE NEW."entityType" = 'story' AND NEW."field" = 'status';
  INSERT INTO "TapdStoryFlowTouch" ("storyId") SELECT OLD."entityId" WHERE OLD."entityType" = 'story' AND OLD."field" = 'status';
  INSERT INTO "TapdStoryFlowTouch" ("storyId") SELECT NEW."entityId" WHERE NEW."entityType" = 'story' AND NEW."field" = 'status';
END;

CREATE TRIGGER "TapdStory_flow_insert" AFTER INSERT ON "TapdStory"
BEGIN
  INSERT INTO "TapdStoryFlowTouch" ("storyId") VALUES (NEW."id");
END;

CREATE TRIGGER "TapdStory_flow_update" AFTER UPDATE OF "id", "workspaceId", "status", "iterationId", "created" ON "TapdStory"
WHEN OLD."id" IS NOT NEW."id" OR OLD."workspaceId" IS NOT NEW."workspaceId" OR OLD."status" IS NOT NEW."status"
  OR OLD."iterationId" IS NOT NEW."iterationId" OR OLD."created" IS NOT NEW."created"
BEGIN
  INSERT INTO "TapdStoryFlowTouch" ("storyId") VALUES (OLD."id");
  INSERT INTO "TapdStoryFlowTouch" ("storyId") SELECT NEW."id" WHERE NEW."id" <> OLD."id";
END;

CREATE TRIGGER "TapdStory_flow_delete" AFTER DELETE ON "TapdStory"
BEGIN
  INSERT INTO "TapdStoryFlowTouch" ("storyId") VALUES (OLD."id");
END;

-- A touched story: its creation as last counted is taken back; if its scope (iteration) changed, its
-- changes' counts move from the old scope to the new; its state is read again (the status it was
-- created in: the `before` of its first status change, else its status) and its creation counted.
CREATE TRIGGER "TapdStoryFlowTouch_recount" AFTER INSERT ON "TapdStoryFlowTouch"
BEGIN
  INSERT INTO "TapdStoryFlowDelta"
  SELECT st."workspaceId", st."storyId", st."createdHour", 1, '', st."initial", -1 FROM "TapdStoryFlowState" st
  WHERE st."storyId" = NEW."storyId" AND st."createdHour" IS NOT NULL AND st."initial" <> '';

  INSERT INTO "TapdStoryFlow" ("workspaceId", "scope", "hour", "kind", "before", "after", "n")
  SELECT c."workspaceId", st."scope", unixepoch(c."changedAt") / 3600, 0, coalesce(c."before", ''), coalesce(c."after", ''), -count(*)
  FROM "TapdStoryFlowState" st JOIN "TapdChange" c ON c."entityType" = 'story' AND c."field" = 'status' AND c."entityId" = st."storyId"
  WHERE st."storyId" = NEW."storyId" AND st."scope" <> ''
    AND st."scope" IS NOT coalesce((SELECT coalesce(s."iterationId", '') FROM "TapdStory" s WHERE s."id" = NEW."storyId"), '')
  GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT ("workspaceId", "scope", "hour", "kind", "before", "after") DO UPDATE SET "n" = "n" + excluded."n";

  INSERT INTO "TapdStoryFlow" ("workspaceId", "scope", "hour", "kind", "before", "after", "n")
  SELECT c."workspaceId", s."iterationId", unixepoch(c."changedAt") / 3600, 0, coalesce(c."before", ''), coalesce(c."after", ''), count(*)
  FROM "TapdStory" s JOIN "TapdChange" c ON c."entityType" = 'story' AND c."field" = 'status' AND c."entityId" = s."id"
  WHERE s."id" = NEW."storyId" AND coalesce(s."iterationId", '') <> ''
    AND s."iterationId" IS NOT coalesce((SELECT st."scope" FROM "TapdStoryFlowState" st WHERE st."storyId" = NEW."storyId"), '')
  GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT ("workspaceId", "scope", "hour", "kind", "before", "after") DO UPDATE SET "n" = "n" + excluded."n";

  DELETE FROM "TapdStoryFlowState" WHERE "storyId" = NEW."storyId";
  INSERT INTO "TapdStoryFlowState" ("storyId", "workspaceId", "scope", "createdHour", "initial")
  SELECT s."id", s."workspaceId", coalesce(s."iterationId", ''), unixepoch(s."created") / 3600,
         coalesce((SELECT coalesce(c."before", '') FROM "TapdChange" c
                   WHERE c."entityType" = 'story' AND c."field" = 'status' AND c."entityId" = s."id"
                   ORDER BY c."changedAt", c."id" LIMIT 1), s."status")
  FROM "TapdStory" s WHERE s."id" = NEW."storyId";

  INSERT INTO "TapdStoryFlowDelta"
  SELECT st."workspaceId", st."storyId", st."createdHour", 1, '', st."initial", 1 FROM "TapdStoryFlowState" st
  WHERE st."storyId" = NEW."storyId" AND st."createdHour" IS NOT NULL AND st."initial" <> '';

  DELETE FROM "TapdStoryFlowTouch" WHERE "storyId" = NEW."storyId";
END;

-- Fill from the history already synced: every status change for its workspace, then every story
-- touched once (its creation, and its changes for its iteration).
INSERT INTO "TapdStoryFlow" ("workspaceId", "scope", "hour", "kind", "before", "after", "n")
SELECT "workspaceId", '*', unixepoch("changedAt") / 3600, 0, coalesce("before", ''), coalesce("after", ''), count(*)
FROM "TapdChange" WHERE "entityType" = 'story' AND "field" = 'status'
GROUP BY 1, 2, 3, 4, 5, 6;

INSERT INTO "TapdStoryFlowTouch" ("storyId") SELECT "id" FROM "TapdStory";
