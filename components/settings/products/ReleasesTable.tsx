"use client";

import {
  AutoComplete,
  Divider,
  Empty,
  Form,
  type FormInstance,
  Input,
  Select,
  Space,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useI18n } from "@/components/providers/I18nProvider";
import { ResourceTable } from "@/components/settings/ResourceTable";
import { RELEASE_STATUSES } from "@/lib/domain/enums";
import { TAG_RE } from "@/lib/domain/names";

type ReleaseStatus = (typeof RELEASE_STATUSES)[number];

export type ReleaseRow = {
  id: string;
  version: string;
  status: ReleaseStatus;
  notes: string;
  createdAt: string;
  items: { componentId: string; componentName: string; tag: string }[];
};

type Values = {
  version: string;
  status: ReleaseStatus;
  notes: string;
  /** componentId → tag; empty = not in the release */
  tags: Record<string, string | undefined>;
};

const STATUS_COLORS: Record<ReleaseStatus, string> = {
  draft: "default",
  released: "green",
  archived: "orange",
};

type Props = {
  productId: string;
  /** the product's components in deploy order */
  components: { id: string; name: string }[];
  items: ReleaseRow[];
  /** componentId → known image tags (newest first), offered while typing */
  buildTags: Record<string, string[]>;
};

function releaseItems(components: Props["components"], tags: Values["tags"] | undefined) {
  return components
    .map((c) => ({ componentId: c.id, tag: (tags?.[c.id] ?? "").trim() }))
    .filter((i) => i.tag !== "");
}

export function ReleasesTable({ productId, components, items, buildTags }: Props) {
  const { t, dateTime } = useI18n();
  return (
    <ResourceTable<ReleaseRow, Values>
      title={t("release.title")}
      bordered={false}
      apiBase="/api/v1/releases"
      items={items}
      createLabel={t("release.add")}
      emptyHint={components.length ? t("release.emptyHint") : t("release.emptyNoComponents")}
      nameOf={(r) => r.version}
      columns={[
        { title: t("release.version"), dataIndex: "version", render: (v: string) => <strong>{v}</strong> },
        {
          title: t("release.status"),
          dataIndex: "status",
          render: (s: ReleaseStatus) => <Tag color={STATUS_COLORS[s]}>{t(`release.statuses.${s}`)}</Tag>,
        },
        {
          title: t("release.items"),
          key: "items",
          render: (_, r) =>
            r.items.length ? (
              <Space size={[4, 4]} wrap>
                {r.items.map((i) => (
                  <Tag key={i.componentId}>
                    {i.componentName}: <strong>{i.tag}</strong>
                  </Tag>
                ))}
              </Space>
            ) : (
              <Typography.Text type="secondary">{t("release.noItems")}</Typography.Text>
            ),
        },
        {
          title: t("common.createdAt"),
          dataIndex: "createdAt",
          render: (v: string) => <span style={{ whiteSpace: "nowrap" }}>{dateTime(v)}</span>,
        },
      ]}
      toFormValues={(r) => ({
        version: r?.version ?? "",
        status: r?.status ?? "draft",
        notes: r?.notes ?? "",
        tags: Object.fromEntries(
          components.map((c) => [c.id, r?.items.find((i) => i.componentId === c.id)?.tag ?? ""]),
        ),
      })}
      toInput={(v) => ({
        productId,
        version: v.version.trim(),
        status: v.status,
        notes: v.notes ?? "",
        items: releaseItems(components, v.tags),
      })}
      fieldOf={(path, form) => {
        // items.N.tag → the tag input of the N-th component that has a tag, as the body was built
        if (path[0] !== "items") return undefined;
        if (typeof path[1] !== "number") return ["items"];
        const item = releaseItems(components, form.getFieldValue("tags"))[path[1]];
        return item ? ["tags", item.componentId] : ["items"];
      }}
      renderForm={(form, editing) => (
        <ReleaseFormFields
          form={form}
          editing={editing}
          components={components}
          releases={items}
          buildTags={buildTags}
        />
      )}
    />
  );
}

function ReleaseFormFields(props: {
  form: FormInstance<Values>;
  editing: ReleaseRow | null;
  components: Props["components"];
  releases: ReleaseRow[];
  buildTags: Props["buildTags"];
}) {
  const { t } = useI18n();
  const [copyFrom, setCopyFrom] = useState<string | null>(null);
  const required = { required: true, message: t("common.required") };
  const others = props.releases.filter((r) => r.id !== props.editing?.id);

  function copy(releaseId: string) {
    const source = props.releases.find((r) => r.id === releaseId);
    if (!source) return;
    props.form.setFieldsValue({
      tags: Object.fromEntries(
        props.components.map((c) => [c.id, source.items.find((i) => i.componentId === c.id)?.tag ?? ""]),
      ),
    });
    setCopyFrom(null);
  }

  return (
    <>
      <Form.Item
        name="version"
        label={t("release.version")}
        extra={t("release.versionHelp")}
        rules={[required, { pattern: TAG_RE, message: t("release.tagInvalid") }]}
      >
        <Input autoComplete="off" placeholder="v1.2.0" />
      </Form.Item>
      <Form.Item name="status" label={t("release.status")}>
        <Select options={RELEASE_STATUSES.map((s) => ({ value: s, label: t(`release.statuses.${s}`) }))} />
      </Form.Item>
      <Form.Item name="notes" label={t("release.notes")}>
        <Input.TextArea rows={3} />
      </Form.Item>

      <Divider titlePlacement="start">{t("release.items")}</Divider>
      {props.components.length === 0 ? (
        <Empty description={t("release.emptyNoComponents")} />
      ) : (
        <>
          <Space style={{ marginBottom: 16 }} wrap>
            <Typography.Text>{t("release.copyFrom")}</Typography.Text>
            <Select
              style={{ minWidth: 200 }}
              value={copyFrom}
              placeholder={t("release.copyFromPlaceholder")}
              aria-label={t("release.copyFrom")}
              disabled={others.length === 0}
              options={others.map((r) => ({ value: r.id, label: r.version }))}
              onChange={(id: string) => copy(id)}
            />
          </Space>
          <Typography.Paragraph type="secondary">{t("release.itemsHelp")}</Typography.Paragraph>
          {props.components.map((c) => (
            <Form.Item
              key={c.id}
              name={["tags", c.id]}
              label={c.name}
              rules={[{ pattern: TAG_RE, message: t("release.tagInvalid") }]}
            >
              <AutoComplete
                allowClear
                aria-label={`${t("release.tag")} ${c.name}`}
                placeholder={t("release.notInRelease")}
                options={(props.buildTags[c.id] ?? []).map((tag) => ({ value: tag }))}
                showSearch={{
                  filterOption: (input, option) =>
                    String(option?.value ?? "")
                      .toLowerCase()
                      .includes(input.toLowerCase()),
                }}
              />
            </Form.Item>
          ))}
        </>
      )}
    </>
  );
}
