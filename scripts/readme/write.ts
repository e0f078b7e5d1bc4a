/** `npm run readme:path`: write the path through the course into README.md (scripts/readme/path.ts). */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { currentBlock, ROOT, renderPath, replaceBlock } from './path.ts';

const file = path.join(ROOT, 'README.md');
const readme = readFileSync(file, 'utf8');
const block = renderPath();
if (currentBlock(readme) === block) {
  console.log('README.md: the path is current');
} else {
  writeFileSync(file, replaceBlock(readme, block));
  console.log('README.md: the path is rewritten from specs/concepts.ts');
}
