-- CreateTable
CREATE TABLE "GitlabIntegration" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "baseUrl" TEXT NOT NULL,
    "accessTokenEnc" TEXT NOT NULL DEFAULT '',
    "webhookSecretHash" TEXT NOT NULL,
    "branchTagTemplate" TEXT NOT NULL DEFAULT '{branch}-{shortSha}',
    "tagTagTemplate" TEXT NOT NULL DEFAULT '{tag}',
    "lastSyncAt" DATETIME,
    "lastSyncStatus" TEXT NOT NULL DEFAULT '',
    "lastSyncSummary" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "GitlabEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "integrationId" TEXT,
    "eventType" TEXT NOT NULL,
    "objectKind" TEXT NOT NULL DEFAULT '',
    "handler" TEXT NOT NULL DEFAULT '',
    "dedupeKey" TEXT NOT NULL,
    "eventUuid" TEXT NOT NULL DEFAULT '',
    "instance" TEXT NOT NULL DEFAULT '',
    "projectPath" TEXT NOT NULL DEFAULT '',
    "ref" TEXT NOT NULL DEFAULT '',
    "payload" TEXT NOT NULL,
    "payloadBytes" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "duplicates" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT NOT NULL DEFAULT '',
    "result" TEXT NOT NULL DEFAULT '',
    "handledAt" DATETIME,
    CONSTRAINT "GitlabEvent_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "GitlabIntegration" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GitlabMergeRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectPath" TEXT NOT NULL,
    "iid" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "url" TEXT NOT NULL DEFAULT '',
    "sourceBranch" TEXT NOT NULL,
    "targetBranch" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "lastCommitSha" TEXT NOT NULL DEFAULT '',
    "featureBranchId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "GitlabMergeRequest_featureBranchId_fkey" FOREIGN KEY ("featureBranchId") REFERENCES "FeatureBranch" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GitlabDeployment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "externalId" INTEGER NOT NULL,
    "projectPath" TEXT NOT NULL,
    "environment" TEXT NOT NULL,
    "action" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL,
    "ref" TEXT NOT NULL DEFAULT '',
    "commitSha" TEXT NOT NULL DEFAULT '',
    "name" TEXT NOT NULL DEFAULT '',
    "at" DATETIME NOT NULL,
    "eventId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "CiTemplate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "namespacePattern" TEXT NOT NULL DEFAULT '*',
    "projectPattern" TEXT NOT NULL DEFAULT '*',
    "branchPattern" TEXT NOT NULL DEFAULT '*',
    "body" TEXT NOT NULL,
    "variables" TEXT NOT NULL DEFAULT '{}',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "CiTemplateRevision" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "templateId" TEXT NOT NULL,
    "templateName" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "authorId" TEXT,
    "authorName" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "snapshot" TEXT NOT NULL,
    "diff" TEXT NOT NULL DEFAULT ''
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_FeatureBranch" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "productId" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "branch" TEXT NOT NULL,
    "baseReleaseId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'new',
    "lastEnvironmentId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "closedAt" DATETIME,
    "lastCommitSha" TEXT NOT NULL DEFAULT '',
    "lastPushedAt" DATETIME,
    CONSTRAINT "FeatureBranch_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "FeatureBranch_baseReleaseId_fkey" FOREIGN KEY ("baseReleaseId") REFERENCES "Release" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "FeatureBranch_lastEnvironmentId_fkey" FOREIGN KEY ("lastEnvironmentId") REFERENCES "Environment" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_FeatureBranch" ("baseReleaseId", "branch", "closedAt", "createdAt", "id", "lastEnvironmentId", "productId", "status", "title", "updatedAt") SELECT "baseReleaseId", "branch", "closedAt", "createdAt", "id", "lastEnvironmentId", "productId", "status", "title", "updatedAt" FROM "FeatureBranch";
DROP TABLE "FeatureBranch";
ALTER TABLE "new_FeatureBranch" RENAME TO "FeatureBranch";
CREATE UNIQUE INDEX "FeatureBranch_productId_branch_key" ON "FeatureBranch"("productId", "branch");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "GitlabIntegration_name_key" ON "GitlabIntegration"("name");

-- CreateIndex
CREATE UNIQUE INDEX "GitlabEvent_dedupeKey_key" ON "GitlabEvent"("dedupeKey");

-- CreateIndex
CREATE INDEX "GitlabEvent_receivedAt_idx" ON "GitlabEvent"("receivedAt");

-- CreateIndex
CREATE INDEX "GitlabEvent_status_receivedAt_idx" ON "GitlabEvent"("status", "receivedAt");

-- CreateIndex
CREATE INDEX "GitlabEvent_projectPath_idx" ON "GitlabEvent"("projectPath");

-- CreateIndex
CREATE INDEX "GitlabMergeRequest_featureBranchId_idx" ON "GitlabMergeRequest"("featureBranchId");

-- CreateIndex
CREATE UNIQUE INDEX "GitlabMergeRequest_projectPath_iid_key" ON "GitlabMergeRequest"("projectPath", "iid");

-- CreateIndex
CREATE INDEX "GitlabDeployment_environment_at_idx" ON "GitlabDeployment"("environment", "at");

-- CreateIndex
CREATE UNIQUE INDEX "GitlabDeployment_kind_projectPath_externalId_key" ON "GitlabDeployment"("kind", "projectPath", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "CiTemplate_name_key" ON "CiTemplate"("name");

-- CreateIndex
CREATE INDEX "CiTemplateRevision_templateId_version_idx" ON "CiTemplateRevision"("templateId", "version");
