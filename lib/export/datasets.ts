// What the raw data API can export: per dataset, the whitelist of fields (the name analysts see →
// the SQL that reads it), the joins a field needs, and the columns the filters use. SQLite writes
// each row's JSON itself (json_object): text → strings, integers → numbers, NULL → null. Datetimes are
// ISO 8601 instants (UTC) as stored; TAPD ids are strings.

export type ExportColumn = {
  sql: string;
  joins?: string[] /** the column holds JSON text: embed it */;
  json?: boolean;
};

export type Dataset = {
  name: string;
  from: string;
  columns: Record<string, ExportColumn>;
  /** WHERE fragment with one parameter: the TAPD workspace id. */
  workspaceFilter: string;
  /** The column `modified_since` compares with. */
  modifiedColumn: string;
};

const text = (sql: string, joins?: string[]): ExportColumn => ({ sql, joins });
const num = (sql: string): ExportColumn => ({ sql });

const bugStatus = `LEFT JOIN "TapdStatus" bs ON bs."workspaceId" = b."workspaceId" AND bs."system" = 'bug' AND bs."key" = b."status"`;
const bugIteration = `LEFT JOIN "TapdIteration" bi ON bi."id" = b."iterationId"`;
const bugRelease = `LEFT JOIN "Release" br ON br."id" = bi."releaseId"`;

export const TAPD_BUGS: Dataset = {
  name: "bugs",
  from: `"TapdBug" b`,
  workspaceFilter: `b."workspaceId" = ?`,
  modifiedColumn: `b."modified"`,
  columns: {
    id: text(`b."id"`),
    workspace_id: text(`b."workspaceId"`),
    title: text(`b."title"`),
    status: text(`b."status"`),
    status_label: text(`bs."label"`, [bugStatus]),
    severity: text(`b."severity"`),
    priority: text(`b."priority"`),
    version_report: text(`b."versionReport"`),
    iteration_id: text(`b."iterationId"`),
    iteration_name: text(`bi."name"`, [bugIteration]),
    release_version: text(`br."version"`, [bugIteration, bugRelease]),
    story_id: text(`b."storyId"`),
    module: text(`b."module"`),
    reporter: text(`b."reporter"`),
    current_owner: text(`b."currentOwner"`),
    fixer: text(`b."fixer"`),
    resolution: text(`b."resolution"`),
    bugtype: text(`b."bugType"`),
    created: text(`b."created"`),
    modified: text(`b."modified"`),
    resolved: text(`b."resolved"`),
    closed: text(`b."closed"`),
  },
};

const storyStatus = `LEFT JOIN "TapdStatus" ss ON ss."workspaceId" = s."workspaceId" AND ss."system" = 'story' AND ss."key" = s."status"`;
const storyIteration = `LEFT JOIN "TapdIteration" si ON si."id" = s."iterationId"`;
const storyRelease = `LEFT JOIN "Release" sr ON sr."id" = si."releaseId"`;

export const TAPD_STORIES: Dataset = {
  name: "stories",
  from: `"TapdStory" s`,
  workspaceFilter: `s."workspaceId" = ?`,
  modifiedColumn: `s."modified"`,
  columns: {
    id: text(`s."id"`),
    workspace_id: text(`s."workspaceId"`),
    name: text(`s."name"`),
    status: text(`s."status"`),
    status_label: text(`ss."label"`, [storyStatus]),
    priority: text(`s."priority"`),
    owner: text(`s."owner"`),
    creator: text(`s."creator"`),
    developer: text(`s."developer"`),
    iteration_id: text(`s."iterationId"`),
    iteration_name: text(`si."name"`, [storyIteration]),
    release_version: text(`sr."version"`, [storyIteration, storyRelease]),
    parent_id: text(`s."parentId"`),
    module: text(`s."module"`),
    begin: text(`s."begin"`),
    due: text(`s."due"`),
    created: text(`s."created"`),
    modified: text(`s."modified"`),
    completed: text(`s."completed"`),
  },
};

/** Deployments (tasks); workspace_id selects the tasks of the product mapped to that workspace. */
export const TASKS: Dataset = {
  name: "tasks",
  from: `"Task" t`,
  workspaceFilter: `t."productId" IN (SELECT w."productId" FROM "TapdWorkspace" w WHERE w."id" = ?)`,
  modifiedColumn: `t."updatedAt"`,
  columns: {
    id: num(`t."id"`),
    type: text(`t."type"`),
    status: text(`t."status"`),
    environment: text(`te."name"`, [`LEFT JOIN "Environment" te ON te."id" = t."environmentId"`]),
    product: text(`tp."name"`, [`LEFT JOIN "Product" tp ON tp."id" = t."productId"`]),
    release: text(`tr."version"`, [`LEFT JOIN "Release" tr ON tr."id" = t."releaseId"`]),
    feature_branch: text(`tf."branch"`, [`LEFT JOIN "FeatureBranch" tf ON tf."id" = t."featureBranchId"`]),
    creator: text(`t."creatorName"`),
    retry_of: num(`t."retryOfId"`),
    error: text(`t."error"`),
    params: { sql: `t."params"`, json: true },
    created_at: text(`t."createdAt"`),
    started_at: text(`t."startedAt"`),
    finished_at: text(`t."finishedAt"`),
    updated_at: text(`t."updatedAt"`),
  },
};
