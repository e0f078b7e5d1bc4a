import { describe, expect, it, vi } from 'vitest';
import { Salary } from '../../src/domain/salary.ts';

describe('Salary with a stand-in that computes the bonus', () => {
  it('adds a bonus derived from the year it asked for', async () => {
    // TODO: mockImplementation: the bonus is the requested year + 1000.
    const bonusPrice = vi.fn().mockResolvedValue(0);
    const salary = new Salary({ base: 100, year: 2017, bonusApi: { bonusPrice } });

    // TODO: what must the total be for 2017?
    expect(await salary.calculationSalary()).toBeGreaterThanOrEqual(100);
  });
});
