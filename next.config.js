// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Native and Node-only modules stay out of the bundle; they are required at run time.
  serverExternalPackages: ["better-sqlite3", "ssh2", "node-ssh", "bullmq", "ioredis"],
  typedRoutes: false,
  // Old Grafana falcon plugins ask for `/metrics/find/?query=`: serve such paths as they are
  // instead of answering with a redirect.
  skipTrailingSlashRedirect: true,
};

module.exports = nextConfig;
