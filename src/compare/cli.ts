/**
 * `npm start`: every lesson of the catalogue in every framework, side by
 * side, in the terminal and in `reports/compare.html` and `reports/compare.json`.
 */
import { concepts } from '../../specs/concepts.ts';
import { main } from './main.ts';

process.exitCode = await main(process.argv.slice(2), {
  concepts,
  root: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
