// TAPD references in branch names, MR titles and commit messages, as TAPD's own source-code
// integration writes them (`--story=1001234`, `--bug=1001234`) and as branch names can hold them
// (`feature/story-1001234-login`, `feature_bug_1001234`). IDs are TAPD's short ids (7–9 digits, as
// shown in the TAPD UI) or long ids (14–19 digits, "11" + workspace id + the short id on 9 digits).

export type TapdEntityType = "story" | "bug";
export type TapdRef = { type: TapdEntityType; id: string };

const REF_RE = /(?<![A-Za-z])(?:--)?(story|bug)[\s=#:_-]*(\d{7,20})(?!\d)/gi;

export function parseTapdRefs(text: string): TapdRef[] {
  const out = new Map<string, TapdRef>();
  for (const m of text.matchAll(REF_RE)) {
    const type = m[1]!.toLowerCase() as TapdEntityType;
    const id = m[2]!.replace(/^0+/, "");
    if (id.length >= 7) out.set(`${type}:${id}`, { type, id });
  }
  return [...out.values()];
}

/** A short id's long form in a workspace: "11" + workspace id + the short id padded to 9 digits. */
export function longTapdId(shortId: string, workspaceId: string): string {
  return `11${workspaceId}${shortId.padStart(9, "0")}`;
}

/** The id TAPD shows in its UI, when `id` is a long id of `workspaceId`. */
export function shortTapdId(id: string, workspaceId: string): string {
  const prefix = `11${workspaceId}`;
  if (!id.startsWith(prefix) || id.length !== prefix.length + 9) return id;
  return String(Number(id.slice(prefix.length)));
}

export const isLongTapdId = (id: string) => id.length >= 14;
