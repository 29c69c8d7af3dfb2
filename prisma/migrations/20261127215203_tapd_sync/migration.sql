-- CreateTable
CREATE TABLE "TapdSettings" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "baseUrl" TEXT NOT NULL DEFAULT 'https://api.tapd.cn',
    "apiUser" TEXT NOT NULL DEFAULT '',
    "apiPasswordEnc" TEXT NOT NULL DEFAULT '',
    "companyId" TEXT NOT NULL DEFAULT '',
    "workspaceIds" TEXT NOT NULL DEFAULT '',
    "intervalMinutes" INTEGER NOT NULL DEFAULT 10,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "TapdWorkspace" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT '',
    "productId" TEXT,
    "created" DATETIME,
    "syncedAt" DATETIME NOT NULL,
    CONSTRAINT "TapdWorkspace_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TapdIteration" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT '',
    "startDate" TEXT,
    "endDate" TEXT,
    "created" DATETIME,
    "modified" DATETIME,
    "completed" DATETIME,
    "releaseId" TEXT,
    "syncedAt" DATETIME NOT NULL,
    CONSTRAINT "TapdIteration_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "Release" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TapdStory" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "priority" TEXT NOT NULL DEFAULT '',
    "owner" TEXT NOT NULL DEFAULT '',
    "creator" TEXT NOT NULL DEFAULT '',
    "developer" TEXT NOT NULL DEFAULT '',
    "iterationId" TEXT,
    "parentId" TEXT,
    "module" TEXT NOT NULL DEFAULT '',
    "begin" TEXT,
    "due" TEXT,
    "created" DATETIME,
    "modified" DATETIME,
    "completed" DATETIME,
    "syncedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "TapdBug" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "severity" TEXT NOT NULL DEFAULT '',
    "priority" TEXT NOT NULL DEFAULT '',
    "versionReport" TEXT NOT NULL DEFAULT '',
    "iterationId" TEXT,
    "storyId" TEXT,
    "module" TEXT NOT NULL DEFAULT '',
    "reporter" TEXT NOT NULL DEFAULT '',
    "currentOwner" TEXT NOT NULL DEFAULT '',
    "fixer" TEXT NOT NULL DEFAULT '',
    "resolution" TEXT NOT NULL DEFAULT '',
    "bugType" TEXT NOT NULL DEFAULT '',
    "created" DATETIME,
    "modified" DATETIME,
    "resolved" DATETIME,
    "closed" DATETIME,
    "syncedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "TapdChange" (
    "id" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "before" TEXT,
    "after" TEXT,
    "author" TEXT NOT NULL DEFAULT '',
    "changedAt" DATETIME NOT NULL,

    PRIMARY KEY ("entityType", "id", "field")
);

-- CreateTable
CREATE TABLE "TapdStatus" (
    "workspaceId" TEXT NOT NULL,
    "system" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,

    PRIMARY KEY ("workspaceId", "system", "key")
);

-- CreateTable
CREATE TABLE "TapdSyncCursor" (
    "workspaceId" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "since" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("workspaceId", "entity")
);

-- CreateTable
CREATE TABLE "TapdSyncRun" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "trigger" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "requestedBy" TEXT NOT NULL DEFAULT '',
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    "counts" TEXT NOT NULL DEFAULT '{}',
    "error" TEXT NOT NULL DEFAULT ''
);

-- CreateTable
CREATE TABLE "TapdLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "featureBranchId" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "sourceRef" TEXT NOT NULL DEFAULT '',
    "createdBy" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TapdLink_featureBranchId_fkey" FOREIGN KEY ("featureBranchId") REFERENCES "FeatureBranch" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "TapdWorkspace_productId_idx" ON "TapdWorkspace"("productId");

-- CreateIndex
CREATE INDEX "TapdIteration_workspaceId_modified_idx" ON "TapdIteration"("workspaceId", "modified");

-- CreateIndex
CREATE INDEX "TapdIteration_releaseId_idx" ON "TapdIteration"("releaseId");

-- CreateIndex
CREATE INDEX "TapdStory_workspaceId_modified_idx" ON "TapdStory"("workspaceId", "modified");

-- CreateIndex
CREATE INDEX "TapdStory_workspaceId_status_idx" ON "TapdStory"("workspaceId", "status");

-- CreateIndex
CREATE INDEX "TapdStory_iterationId_idx" ON "TapdStory"("iterationId");

-- CreateIndex
CREATE INDEX "TapdBug_workspaceId_modified_idx" ON "TapdBug"("workspaceId", "modified");

-- CreateIndex
CREATE INDEX "TapdBug_workspaceId_status_idx" ON "TapdBug"("workspaceId", "status");

-- CreateIndex
CREATE INDEX "TapdBug_workspaceId_created_idx" ON "TapdBug"("workspaceId", "created");

-- CreateIndex
CREATE INDEX "TapdBug_iterationId_idx" ON "TapdBug"("iterationId");

-- CreateIndex
CREATE INDEX "TapdChange_entityType_entityId_changedAt_idx" ON "TapdChange"("entityType", "entityId", "changedAt");

-- CreateIndex
CREATE INDEX "TapdChange_workspaceId_entityType_field_changedAt_idx" ON "TapdChange"("workspaceId", "entityType", "field", "changedAt");

-- CreateIndex
CREATE INDEX "TapdSyncRun_startedAt_idx" ON "TapdSyncRun"("startedAt");

-- CreateIndex
CREATE INDEX "TapdLink_entityType_entityId_idx" ON "TapdLink"("entityType", "entityId");

-- CreateIndex
CREATE UNIQUE INDEX "TapdLink_featureBranchId_entityType_entityId_key" ON "TapdLink"("featureBranchId", "entityType", "entityId");
