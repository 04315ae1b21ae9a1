/**
 * `npm run bench`: every benchmark, one table. Run as root on an otherwise idle machine; compare
 * ratios (measured in the same run), never absolute times.
 */
import fs from 'node:fs';
import path from 'node:path';

if (process.getuid?.() !== 0) {
  console.error('The benchmarks start real containers: run them as root (sudo npm run bench).');
  process.exit(1);
}
const here = path.dirname(new URL(import.meta.url).pathname);
const suites = fs.readdirSync(here).filter((f) => /^[a-z-]+\.bench\.ts$/.test(f) || f === 'runtime.ts');
for (const file of suites.sort()) {
  const mod = (await import(path.join(here, file))) as Record<string, () => Promise<string[]>>;
  for (const [name, fn] of Object.entries(mod)) {
    if (!name.startsWith('bench') || typeof fn !== 'function') continue;
    console.log(`\n## ${file}`);
    for (const line of await fn()) console.log(line);
  }
}
