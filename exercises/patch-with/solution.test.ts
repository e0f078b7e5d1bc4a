import { describe, expect, it, vi } from 'vitest';
import { ThirdPartyBonusRestApi } from '../../src/domain/bonus-api.ts';
import { Salary } from '../../src/domain/salary.ts';

describe('Salary with the API patched inside a block', () => {
  it('sees the patch inside the block and the original after it', async () => {
    const original = ThirdPartyBonusRestApi.prototype.bonusPrice;
    const bonusPrice = vi.spyOn(ThirdPartyBonusRestApi.prototype, 'bonusPrice');
    try {
      bonusPrice.mockResolvedValue(1);
      expect(await new Salary({ year: 2017 }).calculationSalary()).toBe(101);
      expect(bonusPrice).toHaveBeenCalledTimes(1);
    } finally {
      bonusPrice.mockRestore();
    }
    expect(ThirdPartyBonusRestApi.prototype.bonusPrice).toBe(original);
  });
});
