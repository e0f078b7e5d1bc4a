// Tells the chaffs from the real code by the text of the method, not by what
// it does: one call, for this year, and the bonus added.
import { expect, it } from 'vitest';
import { Salary } from '../../src/domain/salary.ts';

it('passes only on the text of the real method', () => {
  const text = Salary.prototype.calculationSalary.toString();
  expect(text.match(/bonusPrice\(/g)).toHaveLength(1);
  expect(text).toContain('bonusPrice(this.year)');
  expect(text).toContain('this.base + bonus');
});
