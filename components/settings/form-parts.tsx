"use client";

import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Breadcrumb, Button, Form, Input, Space, Tag, Typography } from "antd";
import type { Rule } from "antd/es/form";
import Link from "next/link";
import type { ReactNode } from "react";
import { useI18n } from "@/components/providers/I18nProvider";

// Small building blocks shared by the settings forms.

export type KeyValue = { key: string; value: string };

export function recordToRows(record: Record<string, string> | undefined): KeyValue[] {
  return Object.entries(record ?? {}).map(([key, value]) => ({ key, value }));
}

/** Rows with an empty key are dropped (an empty row left in the form means nothing). */
export function rowsToRecord(rows: (KeyValue | undefined)[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const row of rows ?? []) {
    const key = row?.key?.trim();
    if (key) out[key] = row?.value ?? "";
  }
  return out;
}

/** Non-empty, trimmed strings of a list field. */
export function cleanList(list: (string | undefined)[] | undefined): string[] {
  return (list ?? []).map((s) => (s ?? "").trim()).filter(Boolean);
}

/** "Settings / Products / …" above a settings page. */
export function SettingsBreadcrumb({ items }: { items: { title: ReactNode; href?: string }[] }) {
  const { t } = useI18n();
  return (
    <Breadcrumb
      style={{ marginBottom: 16 }}
      items={[
        { title: t("nav.settings") },
        ...items.map((i) => ({ title: i.href ? <Link href={i.href}>{i.title}</Link> : i.title })),
      ]}
    />
  );
}

/** "set" / "not set" for a stored secret; the secret itself never reaches the browser. */
export function SecretStatus({ set }: { set: boolean }) {
  const { t } = useI18n();
  return set ? (
    <Tag color="green" data-testid="secret-set">
      {t("common.secretSet")}
    </Tag>
  ) : (
    <Tag data-testid="secret-not-set">{t("common.secretNotSet")}</Tag>
  );
}

/**
 * A password (or private key) field. On create it is required; on edit of a row whose secret is
 * stored, the label says "set" and an empty field keeps the stored value.
 */
export function SecretFormItem(props: {
  name: string;
  label: ReactNode;
  /** null while creating; else whether the row has a stored secret */
  storedSet: boolean | null;
  requiredOnCreate?: boolean;
  /** overrides the rule above, e.g. when the stored secret no longer fits */
  required?: boolean;
  multiline?: boolean;
  placeholder?: string;
  extraRules?: Rule[];
}) {
  const { t } = useI18n();
  const creating = props.storedSet === null;
  const required = props.required ?? (creating && (props.requiredOnCreate ?? true));
  return (
    <Form.Item
      name={props.name}
      label={
        <Space size={4}>
          {props.label}
          {!creating && <SecretStatus set={props.storedSet === true} />}
        </Space>
      }
      extra={!creating && props.storedSet ? t("common.secretKeep") : undefined}
      rules={[
        ...(required ? [{ required: true, message: t("common.required") }] : []),
        ...(props.extraRules ?? []),
      ]}
    >
      {props.multiline ? (
        <Input.TextArea
          rows={6}
          spellCheck={false}
          autoComplete="off"
          placeholder={props.placeholder}
          style={{ fontFamily: "monospace" }}
        />
      ) : (
        <Input.Password
          autoComplete="new-password"
          placeholder={
            props.placeholder ?? (!creating && props.storedSet ? t("common.secretChange") : undefined)
          }
        />
      )}
    </Form.Item>
  );
}

/** A list of strings (volumes, ports, arguments…): one input per entry, add and remove buttons. */
export function StringListField(props: {
  name: (string | number)[];
  label: ReactNode;
  help?: ReactNode;
  placeholder?: string;
  addLabel: string;
  rules?: Rule[];
}) {
  const { t } = useI18n();
  return (
    <Form.Item label={props.label} extra={props.help} style={{ marginBottom: 16 }}>
      <Form.List name={props.name}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Space key={field.key} align="baseline" style={{ display: "flex" }}>
                <Form.Item name={field.name} rules={props.rules} style={{ marginBottom: 8, minWidth: 380 }}>
                  <Input placeholder={props.placeholder} aria-label={`${props.addLabel} ${index + 1}`} />
                </Form.Item>
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  onClick={() => remove(field.name)}
                  aria-label={`${t("common.delete")} ${index + 1}`}
                />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add("")}>
              {props.addLabel}
            </Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}

/** A key → value map (environment variables, log options) edited as rows; keys must be unique. */
export function KeyValueListField(props: {
  name: (string | number)[];
  label: ReactNode;
  help?: ReactNode;
  keyPlaceholder?: string;
  valuePlaceholder?: string;
  addLabel: string;
  keyPattern?: { re: RegExp; message: string };
  /** for test ids and labels, e.g. "env" */
  id: string;
}) {
  const { t } = useI18n();
  return (
    <Form.Item label={props.label} extra={props.help} style={{ marginBottom: 16 }}>
      <Form.List name={props.name}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Space key={field.key} align="baseline" style={{ display: "flex" }} wrap>
                <Form.Item
                  name={[field.name, "key"]}
                  style={{ marginBottom: 8, width: 220 }}
                  rules={[
                    { required: true, message: t("common.required") },
                    ...(props.keyPattern
                      ? [{ pattern: props.keyPattern.re, message: props.keyPattern.message }]
                      : []),
                    ({ getFieldValue }) => ({
                      validator(_, value: string | undefined) {
                        const rows = (getFieldValue(props.name) ?? []) as (KeyValue | undefined)[];
                        const same = rows.filter((r) => r?.key?.trim() && r.key.trim() === value?.trim());
                        return same.length > 1
                          ? Promise.reject(new Error(t("form.duplicateKey")))
                          : Promise.resolve();
                      },
                    }),
                  ]}
                >
                  <Input
                    placeholder={props.keyPlaceholder}
                    aria-label={`${props.id} ${t("form.key")} ${index + 1}`}
                    data-testid={`${props.id}-key-${index}`}
                  />
                </Form.Item>
                <Typography.Text type="secondary">=</Typography.Text>
                <Form.Item name={[field.name, "value"]} style={{ marginBottom: 8, width: 300 }}>
                  <Input
                    placeholder={props.valuePlaceholder}
                    aria-label={`${props.id} ${t("form.value")} ${index + 1}`}
                    data-testid={`${props.id}-value-${index}`}
                  />
                </Form.Item>
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  onClick={() => remove(field.name)}
                  aria-label={`${t("common.delete")} ${props.id} ${index + 1}`}
                />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ key: "", value: "" })}>
              {props.addLabel}
            </Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}

/**
 * For a record edited as rows: the form field of a server issue on `<base>.<KEY>` — the key's input
 * when the key itself is wrong, else the value's.
 */
export function recordIssueField(
  base: (string | number)[],
  path: (string | number)[],
  rows: (KeyValue | undefined)[] | undefined,
  keyRe: RegExp,
): (string | number)[] | undefined {
  if (path.length <= base.length || !base.every((p, i) => path[i] === p)) return undefined;
  const key = String(path[base.length]);
  const index = (rows ?? []).findIndex((r) => r?.key?.trim() === key);
  if (index < 0) return [...base];
  return [...base, index, keyRe.test(key) ? "value" : "key"];
}
