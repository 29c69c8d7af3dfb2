import { describe, expect, it } from "vitest";
import { dedupeKey } from "./dedupe-key";
import { matchAnyGlob } from "./glob";
import { ZEventHead } from "./payloads";
import { describeEvent, handlerFor } from "./route-event";

const head = (v: unknown) => ZEventHead.parse(v);

describe("routing", () => {
  it("routes project and system hooks on object_kind, else event_name", () => {
    expect(handlerFor(head({ object_kind: "push" }))).toBe("push");
    expect(handlerFor(head({ object_kind: "build" }))).toBe("job");
    expect(handlerFor(head({ event_name: "tag_push" }))).toBe("tag_push");
    expect(handlerFor(head({ event_name: "user_create" }))).toBeNull();
    expect(handlerFor(head({ object_kind: "note" }))).toBeNull();
    expect(handlerFor(head({}))).toBeNull();
  });

  it("describes project and ref, ignoring fields of the wrong type", () => {
    expect(
      describeEvent(head({ ref: "refs/heads/feature/x", project: { path_with_namespace: "a/b" } })),
    ).toEqual({
      projectPath: "a/b",
      ref: "feature/x",
    });
    expect(describeEvent(head({ object_attributes: { source_branch: "f" }, project: 7, ref: 42 }))).toEqual({
      projectPath: "",
      ref: "f",
    });
  });

  it("dedupes on Idempotency-Key, else webhook UUID, else the body", () => {
    const body = Buffer.from("{}");
    expect(dedupeKey({ idempotencyKey: "k", webhookUuid: "u" }, "Push Hook", body)).toBe("idem:k");
    expect(dedupeKey({ webhookUuid: "u" }, "Push Hook", body)).toBe("uuid:u");
    expect(dedupeKey({}, "Push Hook", body)).toBe(dedupeKey({}, "Push Hook", Buffer.from("{}")));
    expect(dedupeKey({}, "Push Hook", body)).not.toBe(dedupeKey({}, "Tag Push Hook", body));
  });

  it("matches feature patterns", () => {
    expect(matchAnyGlob("feature_*,feature/*", "feature/PROJ-1")).toBe(true);
    expect(matchAnyGlob("feature_*,feature/*", "feature_base_demo")).toBe(true);
    expect(matchAnyGlob("feature_*,feature/*", "featurex")).toBe(false);
    expect(matchAnyGlob("release-?.?", "release-1.2")).toBe(true);
    expect(matchAnyGlob("a.b", "axb")).toBe(false);
  });
});
