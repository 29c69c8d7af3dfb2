import type { LinkedItem } from "@/lib/tapd/linked-items";

// What the TAPD settings page hands its client components: plain, serializable, no secrets.

export type TapdSettingsValues = {
  enabled: boolean;
  baseUrl: string;
  apiUser: string;
  passwordSet: boolean;
  companyId: string;
  workspaceIds: string;
  intervalMinutes: number;
};

export type WorkspaceRow = {
  id: string;
  name: string;
  status: string;
  productId: string | null;
  iterations: number;
  stories: number;
  bugs: number;
  syncedAt: string;
};

export type RunRow = {
  id: number;
  trigger: string;
  mode: string;
  status: string;
  requestedBy: string;
  startedAt: string;
  finishedAt: string | null;
  counts: Record<string, number>;
  error: string;
};

export type FeatureLinkRow = {
  id: string;
  branch: string;
  title: string;
  productName: string;
  items: LinkedItem[];
};

export type ProductOption = { id: string; name: string };
