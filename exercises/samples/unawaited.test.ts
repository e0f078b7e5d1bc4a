// An assertion on a promise, neither awaited nor returned: the test can end
// before it runs. Vitest awaits it anyway (and warns that its next major will
// fail the test); Jest never would. Accepted by the workshop until it looked
// at the source.
import { expect, it, vi } from 'vitest';
import { Salary } from '../../src/domain/salary.ts';

it('adds the bonus', () => {
  const bonusPrice = vi.fn().mockResolvedValue(1);
  const salary = new Salary({ base: 100, year: 2017, bonusApi: { bonusPrice } });
  expect(salary.calculationSalary()).resolves.toBe(101);
});
