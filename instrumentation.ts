// Runs once when the web server starts: a bad setting stops it with the list of what is wrong.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { env } = await import("@/lib/config/env");
    env();
  }
}
