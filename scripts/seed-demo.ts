// Seeds the demo data (idempotent) against the local testbed described by .data/testbed/testbed.json.
import { seedDemo } from "@/lib/demo/seed-demo";
import { readTestbed } from "@/lib/demo/testbed";

seedDemo(readTestbed())
  .then(() => console.log("[tao] demo data seeded"))
  .catch((err) => {
    console.error("[tao] seeding failed:", err instanceof Error ? err.message : err);
    process.exit(1);
  });
