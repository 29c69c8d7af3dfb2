import type { Catalogue } from "./en";
import type { portalEn } from "./portal.en";

// 门户（看板、部署表单、任务页）的中文文字，以 `portal` 合并进 zh-CN.ts。
export const portalZhCN: Catalogue<typeof portalEn> = {
  taskStatus: { waiting: "等待中", running: "运行中", success: "成功", failed: "失败", canceled: "已取消" },
  taskType: { release: "版本", feature: "特性分支", components: "自定义" },
};
