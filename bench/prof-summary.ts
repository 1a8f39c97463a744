/** Prints the self-time of the hottest functions in a .cpuprofile (from node --cpu-prof). */
import fs from 'node:fs';

const file = process.argv[2]!;
const top = Number(process.argv[3] ?? 25);
const prof = JSON.parse(fs.readFileSync(file, 'utf8')) as {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }[];
  samples: number[];
  timeDeltas: number[];
};
const self = new Map<string, number>();
let total = 0;
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
for (const n of prof.nodes) {
  const hits = n.hitCount ?? 0;
  total += hits;
  const f = n.callFrame;
  const key = `${f.functionName || '(anonymous)'}  ${f.url.replace(/^.*\/main\//, '')}:${f.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + hits);
}
void byId;
const rows = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
for (const [k, v] of rows) console.log(`${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
