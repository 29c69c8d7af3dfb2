import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { tb } from "./helpers";

// Pushes an image no host has seen (a layer of random bytes) straight to the testbed registry, so
// a pull of it really transfers `layerBytes` — the demo images share one base layer that every host
// caches after the first run, which makes their pulls too quick for tests about slow pulls.

const sha256 = (data: Buffer | string) => `sha256:${createHash("sha256").update(data).digest("hex")}`;

function randomLayer(layerBytes: number): Buffer {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tao-layer-"));
  try {
    fs.writeFileSync(path.join(dir, "payload.bin"), randomBytes(layerBytes));
    return execFileSync("tar", ["-czf", "-", "-C", dir, "payload.bin"], { maxBuffer: 1 << 30 });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function registryFetch(url: string, init: RequestInit, expected: number): Promise<Response> {
  const auth = Buffer.from(`${tb.registry.username}:${tb.registry.password}`).toString("base64");
  const res = await fetch(url, {
    ...init,
    headers: { ...(init.headers as Record<string, string>), Authorization: `Basic ${auth}` },
  });
  if (res.status !== expected)
    throw new Error(`${init.method ?? "GET"} ${url}: ${res.status} ${await res.text()}`);
  return res;
}

async function uploadBlob(base: string, repo: string, blob: Buffer): Promise<string> {
  const digest = sha256(blob);
  const start = await registryFetch(`${base}/v2/${repo}/blobs/uploads/`, { method: "POST" }, 202);
  const location = new URL(start.headers.get("location") ?? "", base);
  location.searchParams.set("digest", digest);
  await registryFetch(
    location.toString(),
    {
      method: "PUT",
      body: new Uint8Array(blob),
      headers: { "Content-Type": "application/octet-stream" },
    },
    201,
  );
  return digest;
}

/** Pushes `repo:tag` (e.g. "demo/slow-1a2b") with one random layer; returns nothing, throws on error. */
export async function pushUniqueImage(repo: string, tag: string, layerBytes: number): Promise<void> {
  const base = `http://${tb.registry.host}`;
  const layer = randomLayer(layerBytes);
  const layerDigest = await uploadBlob(base, repo, layer);
  const config = Buffer.from(
    JSON.stringify({
      architecture: "amd64",
      os: "linux",
      config: { Cmd: ["/payload.bin"] },
      rootfs: { type: "layers", diff_ids: [sha256(gunzipSync(layer))] },
    }),
  );
  const configDigest = await uploadBlob(base, repo, config);
  const manifest = {
    schemaVersion: 2,
    mediaType: "application/vnd.oci.image.manifest.v1+json",
    config: {
      mediaType: "application/vnd.oci.image.config.v1+json",
      digest: configDigest,
      size: config.length,
    },
    layers: [
      { mediaType: "application/vnd.oci.image.layer.v1.tar+gzip", digest: layerDigest, size: layer.length },
    ],
  };
  await registryFetch(
    `${base}/v2/${repo}/manifests/${tag}`,
    {
      method: "PUT",
      body: JSON.stringify(manifest),
      headers: { "Content-Type": "application/vnd.oci.image.manifest.v1+json" },
    },
    201,
  );
}
