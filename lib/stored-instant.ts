// The text form Prisma stores a DateTime in on SQLite ("2024-01-31T08:00:00.000+00:00"). Raw SQL that
// writes or compares DateTime columns uses it, so its values sort and compare like Prisma's own.

export function storedInstant(d: Date): string {
  return d.toISOString().replace("Z", "+00:00");
}
