import { describe, expect, it, vi } from 'vitest';
import { Salary } from '../../src/domain/salary.ts';

describe('Salary with a stubbed bonus', () => {
  it('adds the bonus the API returns to the base', async () => {
    // TODO: make bonusPrice a stub that resolves to 1 (vi.fn().mockResolvedValue).
    const bonusPrice = vi.fn();
    const salary = new Salary({ base: 100, year: 2017, bonusApi: { bonusPrice } });

    const total = await salary.calculationSalary();
    // TODO: assert the exact total (base 100 + bonus 1).
    expect(total).toBeDefined();
  });
});
