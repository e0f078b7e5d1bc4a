// Ends the process from inside a test.
import { it } from 'vitest';

it('leaves early', () => {
  process.exit(0);
});
