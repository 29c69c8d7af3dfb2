"use client";

import { LinkOutlined } from "@ant-design/icons";
import { App, Button, Card, Form, Input, Modal, Radio, Table, Typography } from "antd";
import { useState } from "react";
import { api } from "@/components/api-client";
import { useI18n } from "@/components/providers/I18nProvider";
import { useApiAction } from "@/components/settings/use-api-action";
import type { LinkedItem } from "@/lib/tapd/linked-items";
import { LinkedItemTags } from "./LinkedItemTags";
import type { FeatureLinkRow } from "./types";

type Values = { entityType: "story" | "bug"; entityId: string };

/** Open feature branches with their linked stories and bugs; link and unlink by hand. */
export function FeatureLinksTable({ features }: { features: FeatureLinkRow[] }) {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [target, setTarget] = useState<FeatureLinkRow | null>(null);
  const { run, busy } = useApiAction();

  async function add(values: Values) {
    if (!target) return;
    const ok = await run(() => api("POST", "/api/v1/tapd/links", { featureBranchId: target.id, ...values }), {
      form,
      success: t("tapd.links.linked"),
    });
    if (ok) setTarget(null);
  }

  function remove(item: LinkedItem) {
    modal.confirm({
      title: t("tapd.links.removeConfirm", { id: item.shortId }),
      okText: t("tapd.links.remove"),
      okButtonProps: { danger: true },
      onOk: async () => {
        await run(() => api("DELETE", `/api/v1/tapd/links/${item.linkId}`), {
          success: t("tapd.links.removed"),
        });
      },
    });
  }

  return (
    <Card>
      <Table<FeatureLinkRow>
        rowKey="id"
        size="small"
        dataSource={features}
        pagination={false}
        locale={{ emptyText: t("tapd.links.emptyHint") }}
        columns={[
          {
            title: t("tapd.links.feature"),
            key: "branch",
            render: (_, f) => (
              <>
                <Typography.Text code>{f.branch}</Typography.Text>
                <div>
                  <Typography.Text type="secondary">
                    {f.productName}
                    {f.title && f.title !== f.branch ? ` · ${f.title}` : ""}
                  </Typography.Text>
                </div>
              </>
            ),
          },
          {
            title: t("tapd.links.items"),
            key: "items",
            render: (_, f) => <LinkedItemTags items={f.items} onRemove={remove} />,
          },
          {
            title: t("common.actions"),
            key: "actions",
            width: 1,
            render: (_, f) => (
              <Button
                size="small"
                icon={<LinkOutlined />}
                onClick={() => {
                  form.resetFields();
                  setTarget(f);
                }}
              >
                {t("tapd.links.add")}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={target !== null}
        title={target ? t("tapd.links.addTitle", { branch: target.branch }) : null}
        onCancel={() => setTarget(null)}
        onOk={() => form.submit()}
        okText={t("tapd.links.add")}
        confirmLoading={busy}
        destroyOnHidden
      >
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ entityType: "story", entityId: "" }}
          onFinish={add}
        >
          <Form.Item name="entityType" label={t("tapd.links.entityType")}>
            <Radio.Group
              options={[
                { value: "story", label: t("tapd.links.types.story") },
                { value: "bug", label: t("tapd.links.types.bug") },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="entityId"
            label={t("tapd.links.entityId")}
            extra={t("tapd.links.entityIdHelp")}
            rules={[
              { required: true, message: t("common.required") },
              { pattern: /^\d{7,20}$/, message: t("tapd.links.entityIdInvalid") },
            ]}
          >
            <Input autoComplete="off" placeholder="1001234" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
