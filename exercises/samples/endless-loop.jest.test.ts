// A test stuck in a synchronous loop: the condition never changes, so no
// timer in its thread can ever fire. The runner stops it from outside.
import { expect, it } from '@jest/globals';
import { Salary } from '../../src/domain/salary.ts';

it('waits for a flag nothing will ever set', async () => {
  const ready = { done: false };
  const salary = new Salary({ bonusApi: { bonusPrice: async () => 1 } });
  while (!ready.done) {
    // busy-waiting: the stub's promise can never run from here
  }
  expect(await salary.calculationSalary()).toBe(101);
});
