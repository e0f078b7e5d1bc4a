/**
 * DELIBERATE FAILURE (a demo, excluded from normal runs; TEST_DOJO_DEMO_FAILURES=1
 * or `npm start -- --demo-failures` runs it): a mock assertion with the wrong
 * argument — the salary asks for 2017, the test claims 2018. Compare the
 * report with pytest's for fixtures/python/demo_failures/test_mock_assertion.py.
 */
import { describe, expect, jest, test } from '@jest/globals';
import { Salary } from '../../../src/domain/salary.ts';

describe('mock failures', () => {
  test('bonusPrice was last called with 2018 (wrong call argument) [demo-mock-assertion]', async () => {
    const bonusPrice = jest.fn<(year: number) => Promise<number>>().mockResolvedValue(1);
    expect(await new Salary({ year: 2017, bonusApi: { bonusPrice } }).calculationSalary()).toBe(
      101,
    );
    expect(bonusPrice).toHaveBeenLastCalledWith(2018);
  });
});
