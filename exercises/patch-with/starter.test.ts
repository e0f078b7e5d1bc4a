import { describe, expect, it, vi } from 'vitest';
import { ThirdPartyBonusRestApi } from '../../src/domain/bonus-api.ts';
import { Salary } from '../../src/domain/salary.ts';

describe('Salary with the API patched inside a block', () => {
  it('sees the patch inside the block and the original after it', async () => {
    const original = ThirdPartyBonusRestApi.prototype.bonusPrice;
    const bonusPrice = vi.spyOn(ThirdPartyBonusRestApi.prototype, 'bonusPrice');
    try {
      // TODO: make the patched method resolve 1, then check the total and the number of calls.
      expect(vi.isMockFunction(ThirdPartyBonusRestApi.prototype.bonusPrice)).toBe(true);
    } finally {
      // TODO: undo the patch here, like leaving a `with mock.patch(...)` block.
    }
    expect(typeof original).toBe('function');
    expect(Salary).toBeDefined();
  });
});
