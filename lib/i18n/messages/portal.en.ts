// English strings of the portal's dashboards, deploy form and task pages (merged into en.ts as `portal`).
export const portalEn = {
  taskStatus: { waiting: "Waiting", running: "Running", success: "Success", failed: "Failed", canceled: "Canceled" },
  taskType: { release: "Release", feature: "Feature branch", components: "Custom" },
} as const;
