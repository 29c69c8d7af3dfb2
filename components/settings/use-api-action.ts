"use client";

import { App, type FormInstance } from "antd";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError } from "@/components/api-client";
import { useI18n } from "@/components/providers/I18nProvider";

/** A form field name as antd understands it. */
export type FieldName = (string | number)[];

/**
 * Maps a server issue path (already split, numeric parts as numbers) to the form field that shows
 * it. Return undefined to use the path as it is; return null to show the message only as a toast.
 */
export type IssueFieldMapper = (path: FieldName) => FieldName | null | undefined;

/** "runOptions.volumes.0" → ["runOptions", "volumes", 0]: antd list fields are numbered, not named "0". */
export function splitIssuePath(path: string): FieldName {
  return path
    .split(".")
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

// A 400 without issues whose message starts with a field path, e.g. "secret: a password is required".
const FIELD_PREFIXED = /^([a-zA-Z][a-zA-Z0-9]*(?:\.[a-zA-Z0-9]+)*): (.+)$/s;

function isPrefix(prefix: FieldName, path: FieldName): boolean {
  return prefix.length < path.length && prefix.every((p, i) => path[i] === p);
}

function fieldErrors(err: ApiError): { path: string; message: string }[] {
  if (err.issues.length > 0) return err.issues;
  const m = err.status === 400 ? FIELD_PREFIXED.exec(err.message) : null;
  return m ? [{ path: m[1]!, message: m[2]! }] : [];
}

/**
 * Runs an API call from a form or button: shows the server's message on failure, puts field errors
 * from a 400 next to their fields, and refreshes the server-rendered page on success.
 */
export function useApiAction() {
  const { message } = App.useApp();
  const { t } = useI18n();
  const router = useRouter();
  const [busy, setBusy] = useState(false);

  async function run<T>(
    action: () => Promise<T>,
    opts: { form?: FormInstance; success?: string; fieldOf?: IssueFieldMapper } = {},
  ) {
    setBusy(true);
    try {
      const result = await action();
      if (opts.success) message.success(opts.success);
      router.refresh();
      return result;
    } catch (err) {
      const form = opts.form;
      if (err instanceof ApiError && form) {
        const fields = new Map<string, { name: FieldName; errors: string[] }>();
        for (const issue of fieldErrors(err)) {
          const path = splitIssuePath(issue.path);
          const mapped = opts.fieldOf?.(path);
          if (mapped === null) continue;
          const name = mapped ?? path;
          // Shown on a parent field (e.g. a JSON text area): say which part of it is wrong.
          const rest = isPrefix(name, path) ? path.slice(name.length).join(".") : "";
          const key = JSON.stringify(name);
          const entry = fields.get(key) ?? { name, errors: [] };
          entry.errors.push(rest ? `${rest}: ${issue.message}` : issue.message);
          fields.set(key, entry);
        }
        if (fields.size > 0) {
          form.setFields([...fields.values()]);
          const first = [...fields.values()][0]!.name;
          form.scrollToField(first, { block: "center" });
        }
      }
      message.error(t("common.requestFailed", { message: err instanceof Error ? err.message : String(err) }));
      return undefined;
    } finally {
      setBusy(false);
    }
  }

  return { run, busy };
}
