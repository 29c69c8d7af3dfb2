/**
 * Quotes one argument for a POSIX shell: single quotes, with embedded single quotes written as '\''.
 * Inside single quotes nothing is special ($, `, \, ;, newlines), so the value stays one argument.
 * NUL cannot be passed through a shell at all and is refused.
 */
export function shellQuote(value: string): string {
  if (value.includes("\0")) throw new Error("A shell argument cannot contain NUL");
  if (/^[A-Za-z0-9_./:=@%+,-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, "'\\''")}'`;
}

export function shellJoin(args: readonly string[]): string {
  return args.map(shellQuote).join(" ");
}
