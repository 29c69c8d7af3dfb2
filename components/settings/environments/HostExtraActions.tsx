"use client";

import type { HostRow } from "./types";

/**
 * EXTENSION POINT — per-host actions shown before Edit / Delete in the hosts list of
 * /settings/environments. The "Test connection" button goes here (planned, built separately).
 * Return buttons with size="small"; return null to show nothing.
 */
export function HostExtraActions(_props: { host: HostRow; environmentName: string }) {
  return null;
}
