// Games a workshop whose chaffs are subclasses: only the real Salary's source
// has no `extends` and no `super`.
import { expect, it } from 'vitest';
import { Salary } from '../../src/domain/salary.ts';

it('passes only on the real Salary', () => {
  expect(Salary.toString()).not.toMatch(/\bextends\b|\bsuper\b/);
});
