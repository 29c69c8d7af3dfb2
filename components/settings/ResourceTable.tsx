"use client";

import { DeleteOutlined, EditOutlined, PlusOutlined } from "@ant-design/icons";
import {
  Button,
  Card,
  Drawer,
  Empty,
  Form,
  type FormInstance,
  Popconfirm,
  Space,
  Table,
  type TableColumnsType,
} from "antd";
import { type ReactNode, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { api } from "@/components/api-client";
import { useI18n } from "@/components/providers/I18nProvider";
import { type IssueFieldMapper, useApiAction } from "./use-api-action";

type Props<T extends { id: string }, V extends object> = {
  title: ReactNode;
  /** e.g. /api/v1/products: POST creates, PUT/DELETE {base}/{id} edit and delete */
  apiBase: string;
  items: T[];
  columns: TableColumnsType<T>;
  emptyHint?: ReactNode;
  /** Form fields; `editing` is the row being edited or null for a new one. */
  renderForm: (form: FormInstance<V>, editing: T | null) => ReactNode;
  toFormValues: (item: T | null) => Partial<V>;
  toInput: (values: V, editing: T | null) => unknown;
  nameOf: (item: T) => string;
  canEdit?: boolean;
  /** Buttons shown before Edit / Delete in each row (e.g. "Add host", "Test connection"). */
  extraActions?: (item: T) => ReactNode;
  expandable?: Parameters<typeof Table<T>>[0]["expandable"];
  extra?: ReactNode;
  /** Label of the create button (default "Create"). */
  createLabel?: ReactNode;
  /** Where a server issue path is shown in the form when it is not a field name as it is. */
  fieldOf?: (path: (string | number)[], form: FormInstance<V>) => ReturnType<IssueFieldMapper>;
  /** Drawer width: antd's "default" (378px), "large" (736px) or pixels. */
  drawerSize?: "default" | "large" | number;
  /** false: a card without a border, e.g. when the table sits inside a tab. */
  bordered?: boolean;
};

/** A settings table with create / edit (drawer form) / delete (confirmed), all through the API. */
export function ResourceTable<T extends { id: string }, V extends object>(props: Props<T, V>) {
  const { t } = useI18n();
  const [form] = Form.useForm<V>();
  const [editing, setEditing] = useState<T | null>(null);
  const [open, setOpen] = useState(false);
  const { run } = useApiAction();
  const canEdit = props.canEdit ?? true;

  function openForm(item: T | null) {
    setEditing(item);
    form.resetFields();
    form.setFieldsValue(props.toFormValues(item) as Parameters<typeof form.setFieldsValue>[0]);
    setOpen(true);
  }

  const actions: TableColumnsType<T>[number] = {
    title: t("common.actions"),
    key: "actions",
    width: 1,
    render: (_, item) => (
      <Space size="small" wrap={false}>
        {props.extraActions?.(item)}
        <Button
          size="small"
          icon={<EditOutlined />}
          onClick={() => openForm(item)}
          aria-label={`${t("common.edit")} ${props.nameOf(item)}`}
        >
          {t("common.edit")}
        </Button>
        <Popconfirm
          title={t("common.confirmDelete", { name: props.nameOf(item) })}
          okText={t("common.delete")}
          cancelText={t("common.cancel")}
          okButtonProps={{ danger: true }}
          onConfirm={() =>
            run(() => api("DELETE", `${props.apiBase}/${item.id}`), { success: t("common.deleted") })
          }
        >
          <Button
            size="small"
            danger
            icon={<DeleteOutlined />}
            aria-label={`${t("common.delete")} ${props.nameOf(item)}`}
          />
        </Popconfirm>
      </Space>
    ),
  };

  return (
    <Card
      title={props.title}
      variant={props.bordered === false ? "borderless" : "outlined"}
      extra={
        <Space>
          {props.extra}
          {canEdit && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => openForm(null)}>
              {props.createLabel ?? t("common.create")}
            </Button>
          )}
        </Space>
      }
    >
      <Table<T>
        rowKey="id"
        size="middle"
        dataSource={props.items}
        columns={canEdit ? [...props.columns, actions] : props.columns}
        pagination={props.items.length > 50 ? { pageSize: 50 } : false}
        expandable={props.expandable}
        locale={{ emptyText: <Empty description={props.emptyHint ?? t("common.empty")} /> }}
      />
      <ResourceDrawer<V>
        form={form}
        open={open}
        onClose={() => setOpen(false)}
        title={
          editing ? `${t("common.edit")} ${props.nameOf(editing)}` : (props.createLabel ?? t("common.create"))
        }
        size={props.drawerSize}
        method={editing ? "PUT" : "POST"}
        url={editing ? `${props.apiBase}/${editing.id}` : props.apiBase}
        toInput={(values) => props.toInput(values, editing)}
        fieldOf={props.fieldOf}
      >
        {props.renderForm(form, editing)}
      </ResourceDrawer>
    </Card>
  );
}

type DrawerProps<V extends object> = {
  form: FormInstance<V>;
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  method: "POST" | "PUT";
  url: string;
  toInput: (values: V) => unknown;
  fieldOf?: (path: (string | number)[], form: FormInstance<V>) => ReturnType<IssueFieldMapper>;
  size?: "default" | "large" | number;
  children: ReactNode;
  /** Called after a successful save, with the server's answer. */
  onSaved?: (result: unknown) => void;
};

/**
 * The drawer form of a settings resource: Enter (or Save) validates, sends the body to the API,
 * shows the server's field errors next to their fields, and closes on success.
 */
export function ResourceDrawer<V extends object>(props: DrawerProps<V>) {
  const { t } = useI18n();
  const { run, busy } = useApiAction();
  const { form } = props;
  const hydrated = useHydrated();
  const isOpen = useRef(props.open);
  useEffect(() => {
    isOpen.current = props.open;
  }, [props.open]);

  async function save(values: V) {
    const body = props.toInput(values);
    const saved = await run(async () => ({ result: await api(props.method, props.url, body) }), {
      form,
      success: t("common.saved"),
      fieldOf: props.fieldOf ? (path) => props.fieldOf?.(path, form) : undefined,
    });
    if (!saved) return; // the server said no: the form stays open with its errors
    form.resetFields(); // nothing typed (a password least of all) stays in the page
    props.onSaved?.(saved.result);
    props.onClose();
  }

  // The drawer is rendered (closed) from the start so the form instance is connected before it opens;
  // antd renders a forced drawer's portal on the client only, so wait for hydration to avoid a mismatch.
  if (!hydrated) return null;
  return (
    <Drawer
      title={props.title}
      open={props.open}
      size={props.size ?? "large"}
      onClose={props.onClose}
      // a cancelled form keeps nothing typed either
      afterOpenChange={(open) => {
        if (!open && !isOpen.current) form.resetFields();
      }}
      forceRender
      extra={
        <Space>
          <Button onClick={props.onClose}>{t("common.cancel")}</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()}>
            {t("common.save")}
          </Button>
        </Space>
      }
    >
      <Form<V>
        form={form}
        // field ids (and so label ↔ input links) are unique per form even with several drawers on a page
        name={props.url.replace(/^\/api\/v1\//, "").split("/")[0]}
        layout="vertical"
        onFinish={save}
        requiredMark
        scrollToFirstError
      >
        {props.children}
        {/* Lets Enter in any input submit the form. */}
        <button type="submit" hidden aria-hidden />
      </Form>
    </Drawer>
  );
}

const noSubscription = () => () => {};

/** false while the server renders and the browser hydrates, true afterwards. */
function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
