// A stub whose promise never settles: the test waits until the framework's
// own test timeout fails it.
import { expect, it } from '@jest/globals';
import { Salary } from '../../src/domain/salary.ts';

it('waits for a bonus that never comes', async () => {
  const salary = new Salary({ bonusApi: { bonusPrice: () => new Promise<number>(() => {}) } });
  expect(await salary.calculationSalary()).toBe(101);
});
