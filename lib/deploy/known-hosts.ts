import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// The CLI's memory of host keys (the portal keeps them in the database): "address:port fingerprint".

export function knownHostsFile(env: NodeJS.ProcessEnv = process.env): string {
  return (
    env.TAO_KNOWN_HOSTS ??
    path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), ".config"), "tao", "known_hosts")
  );
}

export function lookupKnownHost(file: string, address: string, port: number): string | null {
  if (!fs.existsSync(file)) return null;
  const key = `${address}:${port}`;
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    const [k, fp] = line.trim().split(/\s+/);
    if (k === key && fp) return fp;
  }
  return null;
}

export function rememberKnownHost(file: string, address: string, port: number, fingerprint: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.appendFileSync(file, `${address}:${port} ${fingerprint}\n`, { mode: 0o600 });
}
