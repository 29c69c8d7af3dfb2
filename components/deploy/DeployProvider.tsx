"use client";

import { RocketOutlined } from "@ant-design/icons";
import { Button, type ButtonProps, Tooltip } from "antd";
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";
import { type Abilities, deployBlock } from "@/components/portal/abilities";
import { useI18n } from "@/components/providers/I18nProvider";
import type { TTaskType } from "@/lib/domain/enums";
import { DeployDrawer } from "./DeployDrawer";

/** Where a Deploy button was pressed: what the form starts with. */
export type DeployPrefill = {
  environmentId?: string;
  type?: TTaskType;
  productId?: string;
  releaseId?: string;
  featureBranchId?: string;
  components?: { componentId: string; tag: string }[];
};

type DeployContext = { abilities: Abilities; open: (prefill: DeployPrefill) => void };
const Ctx = createContext<DeployContext | null>(null);

/** One deploy form for a page; every Deploy button in it opens the form pre-filled. */
export function DeployProvider({ abilities, children }: { abilities: Abilities; children: ReactNode }) {
  const [prefill, setPrefill] = useState<DeployPrefill | null>(null);
  const open = useCallback((p: DeployPrefill) => setPrefill(p), []);
  const value = useMemo(() => ({ abilities, open }), [abilities, open]);
  return (
    <Ctx.Provider value={value}>
      {children}
      <DeployDrawer abilities={abilities} prefill={prefill} onClose={() => setPrefill(null)} />
    </Ctx.Provider>
  );
}

export function useDeploy(): DeployContext {
  const ctx = useContext(Ctx);
  if (!ctx) throw new Error("useDeploy outside DeployProvider");
  return ctx;
}

/**
 * The Deploy button: opens the form pre-filled; disabled with the reason as a tooltip when the user
 * may not deploy (viewers), or may not deploy to this protected environment (deployers).
 */
export function DeployButton(
  props: {
    prefill: DeployPrefill;
    environment?: { name: string; protected: boolean } | null;
    label?: ReactNode;
  } & Pick<ButtonProps, "size" | "type" | "block">,
) {
  const { t } = useI18n();
  const { abilities, open } = useDeploy();
  const block = deployBlock(abilities, props.environment);
  const button = (
    <Button
      type={props.type ?? "primary"}
      size={props.size}
      block={props.block}
      icon={<RocketOutlined />}
      disabled={block !== null}
      onClick={() => open(props.prefill)}
      data-testid="deploy-button"
    >
      {props.label ?? t("portal.common.deploy")}
    </Button>
  );
  if (!block) return button;
  return (
    <Tooltip title={t(block.key, block.vars)}>
      <span style={{ display: "inline-block", cursor: "not-allowed" }} data-testid="deploy-blocked">
        {button}
      </span>
    </Tooltip>
  );
}
