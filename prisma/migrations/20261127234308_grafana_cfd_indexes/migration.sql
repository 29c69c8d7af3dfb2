-- CreateIndex
CREATE INDEX "TapdStory_workspaceId_created_id_status_iterationId_idx" ON "TapdStory"("workspaceId", "created", "id", "status", "iterationId");

-- CreateIndex
CREATE INDEX "TapdChange_workspaceId_entityType_field_changedAt_after_before_entityId_idx" ON "TapdChange"("workspaceId", "entityType", "field", "changedAt", "after", "before", "entityId");

-- CreateIndex
CREATE INDEX "TapdChange_entityType_field_entityId_changedAt_before_idx" ON "TapdChange"("entityType", "field", "entityId", "changedAt", "before");
