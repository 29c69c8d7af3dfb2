// npm run user:create -- --username NAME --role admin|deployer|viewer
// Reads the password from TAO_NEW_PASSWORD or, when unset, from the first line of stdin.
import { parseArgs } from "node:util";
import { createUser } from "@/lib/users/users";

async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").split("\n")[0] ?? "";
}

async function main() {
  const { values } = parseArgs({
    options: {
      username: { type: "string" },
      role: { type: "string", default: "admin" },
      name: { type: "string" },
    },
  });
  if (!values.username) throw new Error("--username is required");
  const password = process.env.TAO_NEW_PASSWORD ?? (await readStdinLine());
  const user = await createUser(
    { system: "cli" },
    { username: values.username, role: values.role as "admin", displayName: values.name ?? "", password },
  );
  console.log(`created ${user.username} (${user.role})`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
