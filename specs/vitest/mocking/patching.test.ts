// unittest.mock lesson 2: patch the real class's method for one test, inside
// a block, or from setUp to tearDown — and get the original back afterwards.
// Python: mock.patch('salary.ThirdPartyBonusRestApi.bonus_price', return_value=1).
import sinon from 'sinon';
import { afterEach, beforeEach, describe, expect, type MockInstance, test, vi } from 'vitest';
import { ThirdPartyBonusRestApi } from '../../../src/domain/bonus-api.ts';
import { Salary } from '../../../src/domain/salary.ts';

const { prototype } = ThirdPartyBonusRestApi;
const originalBonusPrice = prototype.bonusPrice;

describe('patching for one test (the decorator)', () => {
  test('the framework spy replaces bonusPrice on the prototype [mock-patch-decorator]', async () => {
    const spy = vi.spyOn(prototype, 'bonusPrice').mockResolvedValue(1);
    // Salary builds its own ThirdPartyBonusRestApi; the patch still reaches it.
    expect(await new Salary({ year: 2017 }).calculationSalary()).toBe(101);
    expect(spy).toHaveBeenCalledWith(2017);
    // restoreMocks: true in vitest.config.ts undoes this before the next test starts.
  });

  test('a sinon stub replaces bonusPrice on the prototype', async () => {
    const stub = sinon.stub(prototype, 'bonusPrice').resolves(1);
    expect(await new Salary({ year: 2017 }).calculationSalary()).toBe(101);
    sinon.assert.calledOnceWithExactly(stub, 2017);
    // sinon.restore() in the shared setup undoes this after the test.
  });
});

describe('patching inside a block (with patch(...) as m)', () => {
  test('the framework spy is disposed at the end of the block [mock-patch-with]', async () => {
    {
      using spy = vi.spyOn(prototype, 'bonusPrice').mockResolvedValue(1);
      expect(await new Salary({ year: 2017 }).calculationSalary()).toBe(101);
      expect(spy).toHaveBeenCalledOnce();
    }
    expect(prototype.bonusPrice).toBe(originalBonusPrice);
  });

  test('a sinon stub is restored in finally', async () => {
    const stub = sinon.stub(prototype, 'bonusPrice').resolves(1);
    try {
      expect(await new Salary({ year: 2017 }).calculationSalary()).toBe(101);
      sinon.assert.calledOnce(stub);
    } finally {
      stub.restore();
    }
    expect(prototype.bonusPrice).toBe(originalBonusPrice);
  });
});

describe('patching from beforeEach to afterEach (patcher.start / stop)', () => {
  describe('with the framework spy', () => {
    let spy: MockInstance<ThirdPartyBonusRestApi['bonusPrice']>;
    beforeEach(() => {
      spy = vi.spyOn(prototype, 'bonusPrice').mockResolvedValue(1);
    });
    afterEach(() => {
      spy.mockRestore();
      expect(prototype.bonusPrice).toBe(originalBonusPrice);
    });

    test('the patch is active in the test [mock-patch-start-stop]', async () => {
      expect(await new Salary({ year: 2017 }).calculationSalary()).toBe(101);
      expect(spy).toHaveBeenCalledWith(2017);
    });
  });

  describe('with a sinon stub', () => {
    let stub: sinon.SinonStub<[number], Promise<number>>;
    beforeEach(() => {
      stub = sinon.stub(prototype, 'bonusPrice').resolves(1);
    });
    afterEach(() => {
      stub.restore();
      expect(prototype.bonusPrice).toBe(originalBonusPrice);
    });

    test('the patch is active in the test', async () => {
      expect(await new Salary({ year: 2017 }).calculationSalary()).toBe(101);
      sinon.assert.calledWith(stub, 2017);
    });
  });
});

describe('after the patches', () => {
  test('the original bonusPrice is back on the prototype', () => {
    expect(prototype.bonusPrice).toBe(originalBonusPrice);
    expect(vi.isMockFunction(prototype.bonusPrice)).toBe(false);
    expect('restore' in prototype.bonusPrice).toBe(false);
  });
});
