"use client";

import { LockOutlined, RocketOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  AutoComplete,
  Button,
  Checkbox,
  Drawer,
  Empty,
  Flex,
  Form,
  Radio,
  Select,
  Skeleton,
  Table,
  Tag,
  Typography,
} from "antd";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { api } from "@/components/api-client";
import { type Abilities, deployBlock } from "@/components/portal/abilities";
import { useI18n } from "@/components/providers/I18nProvider";
import { diffTarget } from "@/lib/dashboards/compare";
import type { DeployOptions, DeployProduct } from "@/lib/dashboards/deploy-options";
import { TASK_TYPES, type TTaskType } from "@/lib/domain/enums";
import type { DeployPrefill } from "./DeployProvider";
import { DiffTable } from "./DiffTable";

type FormValues = {
  environmentId?: string;
  type: TTaskType;
  productId?: string;
  releaseId?: string;
  featureBranchId?: string;
};
type CustomRow = { include: boolean; tag: string };
type Target = { componentId: string; name: string; tag: string };

/** The one deploy form: environment, what (release / feature branch / custom), a diff, submit. */
export function DeployDrawer(props: {
  abilities: Abilities;
  prefill: DeployPrefill | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const open = props.prefill !== null;
  const [options, setOptions] = useState<DeployOptions | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  // Fresh options every time the form opens: what runs where changes all the time.
  useEffect(() => {
    if (!open) return;
    let live = true;
    setOptions(null);
    setLoadError(null);
    api<DeployOptions>("GET", "/api/v1/dashboards/deploy-options")
      .then((o) => live && setOptions(o))
      .catch((err: Error) => live && setLoadError(err.message));
    return () => {
      live = false;
    };
  }, [open]);

  return (
    <Drawer
      open={open}
      onClose={props.onClose}
      size={780}
      destroyOnHidden
      title={
        <Flex align="center" gap={8}>
          <RocketOutlined />
          {t("portal.deploy.title")}
        </Flex>
      }
      data-testid="deploy-drawer"
    >
      {loadError ? (
        <Alert type="error" showIcon title={t("common.requestFailed", { message: loadError })} />
      ) : !options || !props.prefill ? (
        <>
          <Typography.Paragraph type="secondary">{t("portal.deploy.loading")}</Typography.Paragraph>
          <Skeleton active />
        </>
      ) : options.products.length === 0 ? (
        <Empty description={t("portal.deploy.noProducts")} />
      ) : (
        <DeployForm
          options={options}
          prefill={props.prefill}
          abilities={props.abilities}
          onCancel={props.onClose}
        />
      )}
    </Drawer>
  );
}

function initialValues(options: DeployOptions, prefill: DeployPrefill): FormValues {
  const type = prefill.type ?? "release";
  let productId = prefill.productId;
  if (!productId && prefill.releaseId)
    productId = options.products.find((p) => p.releases.some((r) => r.id === prefill.releaseId))?.id;
  if (!productId && prefill.featureBranchId)
    productId = options.products.find((p) => p.features.some((f) => f.id === prefill.featureBranchId))?.id;
  if (!productId && options.products.length === 1) productId = options.products[0]!.id;
  const product = options.products.find((p) => p.id === productId);
  return {
    environmentId: options.environments.some((e) => e.id === prefill.environmentId)
      ? prefill.environmentId
      : undefined,
    type,
    productId: product?.id,
    releaseId: prefill.releaseId ?? (type === "release" ? product?.releases[0]?.id : undefined),
    featureBranchId: prefill.featureBranchId ?? (type === "feature" ? product?.features[0]?.id : undefined),
  };
}

/** Custom rows pre-filled from a release (all included), or from explicit components. */
function customFrom(product: DeployProduct | undefined, prefill: DeployPrefill, releaseId?: string) {
  const rows: Record<string, CustomRow> = {};
  if (!product) return rows;
  const release = product.releases.find((r) => r.id === releaseId);
  for (const c of product.components) {
    const explicit = prefill.components?.find((p) => p.componentId === c.id);
    const fromRelease = release?.items.find((i) => i.componentId === c.id);
    rows[c.id] = {
      include: explicit ? true : prefill.components ? false : Boolean(fromRelease),
      tag: explicit?.tag ?? fromRelease?.tag ?? "",
    };
  }
  return rows;
}

function DeployForm(props: {
  options: DeployOptions;
  prefill: DeployPrefill;
  abilities: Abilities;
  onCancel: () => void;
}) {
  const { options, prefill, abilities } = props;
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<FormValues>();
  const initial = useMemo(() => initialValues(options, prefill), [options, prefill]);
  const values = Form.useWatch([], form) as FormValues | undefined;
  const v = values ?? initial;
  const product = options.products.find((p) => p.id === v.productId);
  const environment = options.environments.find((e) => e.id === v.environmentId);
  const [custom, setCustom] = useState<Record<string, CustomRow>>(() =>
    customFrom(
      options.products.find((p) => p.id === initial.productId),
      prefill,
      initial.releaseId,
    ),
  );
  const [customError, setCustomError] = useState<string | null>(null);

  const names = useMemo(() => new Map(product?.components.map((c) => [c.id, c.name]) ?? []), [product]);
  const release = product?.releases.find((r) => r.id === v.releaseId);
  const feature = product?.features.find((f) => f.id === v.featureBranchId);

  const target: Target[] = useMemo(() => {
    if (!product) return [];
    if (v.type === "release")
      return (release?.items ?? []).map((i) => ({
        componentId: i.componentId,
        name: names.get(i.componentId) ?? i.componentId,
        tag: i.tag,
      }));
    if (v.type === "feature") return feature?.components ?? [];
    return product.components
      .filter((c) => custom[c.id]?.include && custom[c.id]?.tag.trim())
      .map((c) => ({ componentId: c.id, name: c.name, tag: custom[c.id]!.tag.trim() }));
  }, [product, v.type, release, feature, custom, names]);
  // a feature branch's own builds, told apart from its base release's versions
  const marks = useMemo(
    () =>
      new Map(
        v.type === "feature"
          ? (feature?.components ?? [])
              .filter((c) => c.fromBranch)
              .map((c) => [c.componentId, t("portal.deploy.fromBranch")])
          : [],
      ),
    [v.type, feature, t],
  );

  const diffRows = useMemo(
    () => (environment ? diffTarget(target, options.running[environment.id] ?? []) : []),
    [environment, target, options.running],
  );

  function onProductChange(productId: string) {
    const p = options.products.find((x) => x.id === productId);
    form.setFieldsValue({ releaseId: p?.releases[0]?.id, featureBranchId: p?.features[0]?.id });
    setCustom(customFrom(p, {}, p?.releases[0]?.id));
  }

  function onTypeChange(type: TTaskType) {
    if (type === "release" && !form.getFieldValue("releaseId"))
      form.setFieldValue("releaseId", product?.releases[0]?.id);
    if (type === "feature" && !form.getFieldValue("featureBranchId"))
      form.setFieldValue("featureBranchId", product?.features[0]?.id);
    // Custom starts from what was about to be deployed, so one tag can be changed.
    if (type === "components" && v.type !== "components") {
      const rows = customFrom(product, {}, undefined);
      const from = v.type === "feature" ? (feature?.components ?? []) : (release?.items ?? []);
      for (const c of from) rows[c.componentId] = { include: true, tag: c.tag };
      setCustom(rows);
    }
  }

  function fillFromRelease(releaseId: string) {
    setCustom(customFrom(product, {}, releaseId));
    setCustomError(null);
  }

  async function submit(values: FormValues) {
    if (!environment) return;
    if (values.type === "components" && target.length === 0) {
      setCustomError(t("portal.deploy.pickComponents"));
      return;
    }
    const body =
      values.type === "release"
        ? { type: "release", environment: environment.id, releaseId: values.releaseId }
        : values.type === "feature"
          ? { type: "feature", environment: environment.id, featureBranchId: values.featureBranchId }
          : {
              type: "components",
              environment: environment.id,
              components: target.map((c) => ({ componentId: c.componentId, tag: c.tag })),
            };
    if (environment.protected) {
      const confirmed = await modal.confirm({
        title: t("portal.deploy.protectedTitle", { env: environment.name }),
        content: t("portal.deploy.protectedBody", { env: environment.name, count: target.length }),
        icon: <LockOutlined />,
        okText: t("portal.deploy.confirm", { env: environment.name }),
        cancelText: t("common.cancel"),
        okButtonProps: { danger: true },
      });
      if (!confirmed) return;
    }
    setBusy(true);
    try {
      const res = await api<{ id: number; url: string }>("POST", "/api/v1/tasks", body);
      message.success(t("portal.deploy.created", { id: res.id }));
      router.push(res.url); // stays busy until the task page replaces this one
    } catch (err) {
      setBusy(false);
      message.error(t("common.requestFailed", { message: err instanceof Error ? err.message : String(err) }));
    }
  }

  const envBlock = deployBlock(abilities, environment);
  const featureProblem = v.type === "feature" && feature?.problem ? feature.problem : null;

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={submit}
      requiredMark={false}
      data-testid="deploy-form"
    >
      <Form.Item
        name="environmentId"
        label={t("portal.deploy.environment")}
        rules={[{ required: true, message: t("portal.deploy.pickEnvironment") }]}
        validateStatus={envBlock ? "error" : undefined}
        help={envBlock ? t(envBlock.key, envBlock.vars) : undefined}
      >
        <Select
          showSearch={{ optionFilterProp: "title" }}
          placeholder={t("portal.deploy.pickEnvironment")}
          options={options.environments.map((e) => {
            const blocked = deployBlock(abilities, e) !== null;
            return {
              value: e.id,
              title: e.name,
              disabled: blocked,
              label: (
                <Flex gap={8} align="center">
                  <span>{e.name}</span>
                  {e.protected ? (
                    <Tag color="gold" icon={<LockOutlined />} style={{ marginInlineEnd: 0 }}>
                      {blocked ? t("portal.deploy.adminsOnly") : t("portal.common.protected")}
                    </Tag>
                  ) : null}
                </Flex>
              ),
            };
          })}
        />
      </Form.Item>
      {environment && environment.hosts === 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t("portal.deploy.noHosts", { env: environment.name })}
        />
      ) : null}
      <Form.Item name="type" label={t("portal.deploy.type")}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          onChange={(e) => onTypeChange(e.target.value as TTaskType)}
          options={TASK_TYPES.map((type) => ({ value: type, label: t(`portal.taskType.${type}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="productId"
        label={t("portal.deploy.product")}
        rules={[{ required: true, message: t("portal.deploy.pickProduct") }]}
      >
        <Select
          placeholder={t("portal.deploy.pickProduct")}
          onChange={onProductChange}
          options={options.products.map((p) => ({ value: p.id, label: p.name, title: p.name }))}
        />
      </Form.Item>
      {v.type === "release" ? (
        <Form.Item
          name="releaseId"
          label={t("portal.deploy.version")}
          rules={[{ required: true, message: t("portal.deploy.pickVersion") }]}
        >
          <Select
            showSearch={{ optionFilterProp: "title" }}
            placeholder={t("portal.deploy.pickVersion")}
            options={(product?.releases ?? []).map((r) => ({
              value: r.id,
              label: r.version,
              title: r.version,
            }))}
          />
        </Form.Item>
      ) : null}
      {v.type === "feature" ? (
        <Form.Item
          name="featureBranchId"
          label={t("portal.deploy.featureBranch")}
          rules={[{ required: true, message: t("portal.deploy.pickBranch") }]}
          validateStatus={featureProblem ? "error" : undefined}
          help={
            featureProblem ? t("portal.deploy.cannotDeployFeature", { problem: featureProblem }) : undefined
          }
        >
          <Select
            showSearch={{ optionFilterProp: "title" }}
            placeholder={t("portal.deploy.pickBranch")}
            options={(product?.features ?? []).map((f) => ({
              value: f.id,
              title: f.branch,
              label: (
                <span>
                  {f.branch}
                  {f.title ? <Typography.Text type="secondary"> — {f.title}</Typography.Text> : null}
                  {f.baseVersion ? (
                    <Typography.Text type="secondary">
                      {" "}
                      ({t("portal.deploy.fromBase", { version: f.baseVersion })})
                    </Typography.Text>
                  ) : null}
                </span>
              ),
            }))}
          />
        </Form.Item>
      ) : null}
      {v.type === "components" && product ? (
        <Form.Item
          label={t("portal.deploy.components")}
          validateStatus={customError ? "error" : undefined}
          help={customError ?? undefined}
        >
          <Flex gap={8} align="center" style={{ marginBottom: 8 }}>
            <Typography.Text type="secondary">{t("portal.deploy.fillFrom")}</Typography.Text>
            <Select
              aria-label={t("portal.deploy.fillFrom")}
              style={{ minWidth: 160 }}
              size="small"
              placeholder={t("portal.deploy.pickVersion")}
              onChange={fillFromRelease}
              options={product.releases.map((r) => ({ value: r.id, label: r.version, title: r.version }))}
            />
          </Flex>
          <Table
            size="small"
            pagination={false}
            rowKey="id"
            dataSource={product.components}
            columns={[
              {
                title: t("portal.common.component"),
                render: (_, c) => (
                  <Checkbox
                    checked={custom[c.id]?.include ?? false}
                    aria-label={t("portal.deploy.include", { name: c.name })}
                    onChange={(e) => {
                      setCustomError(null);
                      setCustom((rows) => ({
                        ...rows,
                        [c.id]: { include: e.target.checked, tag: rows[c.id]?.tag ?? "" },
                      }));
                    }}
                  >
                    {c.name}
                  </Checkbox>
                ),
              },
              {
                title: t("portal.common.tag"),
                render: (_, c) => (
                  <AutoComplete
                    style={{ width: "100%" }}
                    value={custom[c.id]?.tag ?? ""}
                    aria-label={t("portal.deploy.tagOf", { name: c.name })}
                    options={c.tags.map((tag) => ({ value: tag }))}
                    showSearch={{
                      filterOption: (input, option) =>
                        String(option?.value ?? "")
                          .toLowerCase()
                          .includes(input.toLowerCase()),
                    }}
                    onChange={(tag: string) => {
                      setCustomError(null);
                      setCustom((rows) => ({ ...rows, [c.id]: { include: tag.trim() !== "", tag } }));
                    }}
                  />
                ),
              },
            ]}
          />
        </Form.Item>
      ) : null}

      <Typography.Title level={5}>
        {environment
          ? t("portal.deploy.diffTitle", { env: environment.name })
          : t("portal.deploy.diffNeedsEnvironment")}
      </Typography.Title>
      {environment ? (
        <>
          <DiffTable rows={diffRows} marks={marks} />
          {diffRows.length > 0 && diffRows.every((r) => r.status === "unchanged") ? (
            <Alert type="info" showIcon style={{ marginTop: 8 }} title={t("portal.deploy.nothingChanges")} />
          ) : null}
        </>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("portal.diff.empty")} />
      )}

      <Flex justify="flex-end" gap={8} style={{ marginTop: 24 }}>
        <Button onClick={props.onCancel}>{t("common.cancel")}</Button>
        <Button
          type="primary"
          htmlType="submit"
          icon={environment?.protected ? <LockOutlined /> : <RocketOutlined />}
          loading={busy}
          disabled={envBlock !== null || featureProblem !== null}
          data-testid="deploy-submit"
        >
          {t("portal.deploy.submit")}
        </Button>
      </Flex>
    </Form>
  );
}
