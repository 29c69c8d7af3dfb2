"use client";

import { Alert, Modal, Typography } from "antd";
import { useI18n } from "@/components/providers/I18nProvider";

/** A secret shown once after it was made (API token, webhook secret), with a copy button. */
export function ShownOnce(props: { title: string; text: string; value: string | null; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal
      open={props.value !== null}
      title={props.title}
      onOk={props.onClose}
      onCancel={props.onClose}
      cancelButtonProps={{ style: { display: "none" } }}
      okText={t("common.back")}
    >
      <Alert type="warning" showIcon title={props.text} style={{ marginBottom: 16 }} />
      <Typography.Paragraph copyable={{ text: props.value ?? "" }} code data-testid="shown-once">
        {props.value}
      </Typography.Paragraph>
    </Modal>
  );
}
