// `ps -a` output of both CLIs with tao's format: "name<TAB>image<TAB>state" per line.
export type ListedContainer = { image: string; state: string };

export function parseContainerList(stdout: string): Map<string, ListedContainer> {
  const out = new Map<string, ListedContainer>();
  for (const row of stdout.split("\n")) {
    const [name, image, state] = row.split("\t");
    if (name && image) out.set(name, { image, state: state ?? "" });
  }
  return out;
}
