import { describe, expect, it, vi } from 'vitest';
import { Salary } from '../../src/domain/salary.ts';

describe('Salary with a stand-in that computes the bonus', () => {
  it('adds a bonus derived from the year it asked for', async () => {
    const bonusPrice = vi.fn().mockImplementation(async (year: number) => year + 1000);
    const salary = new Salary({ base: 100, year: 2017, bonusApi: { bonusPrice } });

    expect(await salary.calculationSalary()).toBe(3117);
  });
});
