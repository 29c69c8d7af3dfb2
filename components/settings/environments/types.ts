import type { TContainerCli } from "@/lib/domain/enums";
import type { TRunOptionsOverride } from "@/lib/domain/run-options";

// What the environments page sends to the browser: no secret, only whether one is stored.

export type HostRow = {
  id: string;
  environmentId: string;
  name: string;
  address: string;
  port: number;
  username: string;
  authMethod: "password" | "key";
  secretSet: boolean;
  containerCli: TContainerCli;
  /** component names deployed to this host; empty = all */
  components: string[];
  hostKeyFingerprint: string | null;
};

export type EnvironmentRow = {
  id: string;
  name: string;
  description: string;
  protected: boolean;
  dnsDomain: string;
  registryId: string | null;
  registryName: string | null;
  overrides: Record<string, TRunOptionsOverride>;
  hosts: HostRow[];
};

export type RegistryOption = { id: string; name: string; url: string };

/** component name → the products that have a component of that name */
export type ComponentNameOption = { name: string; products: string[] };
