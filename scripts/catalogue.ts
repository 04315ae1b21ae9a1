// Rewrites the catalogue tables of lessons/README.md from the actions', probes' and checks'
// declarations (src/lessons/catalogue.ts). Run with `npm run catalogue` after changing one.
import { readFileSync, writeFileSync } from 'node:fs';
import { withCatalogue } from '../src/lessons/catalogue.js';

const file = new URL('../lessons/README.md', import.meta.url);
const before = readFileSync(file, 'utf8');
const after = withCatalogue(before);
writeFileSync(file, after);
process.stdout.write(
  after === before
    ? 'lessons/README.md: the catalogue was already up to date.\n'
    : 'lessons/README.md: the catalogue tables were rewritten.\n',
);
