// Pitfalls with no Python counterpart, each shown with the behaviour it has
// here (the Vitest file of the same name shows Vitest's).
import * as os from 'node:os';
import { describe, expect, jest, test } from '@jest/globals';
import sinon from 'sinon';
import { ConnectionRefusedError, ThirdPartyBonusRestApi } from '../../../src/domain/bonus-api.ts';
import * as calculation from '../../../src/domain/calculation.ts';
import { Salary } from '../../../src/domain/salary.ts';

describe('pitfall: sinon cannot stub an ES module export', () => {
  test('a Node built-in: sealed under ESM, a plain object under CommonJS', () => {
    // Jest compiles to CommonJS here: `node:os` is a plain object, so the very
    // line that throws under ESM works. A suite that relies on it breaks on the move.
    const stub = sinon.stub(os, 'hostname').returns('stubbed');
    expect(os.hostname()).toBe('stubbed');
    stub.restore();
    expect(os.hostname()).not.toBe('stubbed');
  });

  test('a stub on a source module export cannot replace what callers use [mock-pitfall-esm-exports]', () => {
    // SWC's CommonJS exports are getters that cannot be redefined.
    expect(() => sinon.stub(calculation, 'addNum')).toThrow(
      /descriptor for property `addNum` is non-configurable and non-writable/,
    );
    expect(() => jest.spyOn(calculation, 'addNum')).toThrow(/Cannot redefine property: addNum/);
    expect(new calculation.Cal().addNumAndDouble(1, 1)).toBe(4);
  });

  test('the alternative: inject the dependency', async () => {
    const bonusApi = { bonusPrice: sinon.stub<[number], Promise<number>>().resolves(1) };
    expect(await new Salary({ year: 2017, bonusApi }).calculationSalary()).toBe(101);
  });

  test('the alternative: stub the class prototype', async () => {
    sinon.stub(ThirdPartyBonusRestApi.prototype, 'bonusPrice').resolves(1);
    expect(await new Salary({ year: 2017 }).calculationSalary()).toBe(101);
  });
});

describe('pitfall: mockReset is not the same in Jest and Vitest', () => {
  test('mockReset on a mock made with an implementation [mock-pitfall-mock-reset]', () => {
    const double = jest.fn((x: number) => x * 2);
    double.mockReturnValue(0);
    double.mockReset();
    // Jest: the implementation is gone too; the mock returns undefined.
    expect(double(2)).toBeUndefined();
    expect(double.mock.calls).toEqual([[2]]);
  });

  test('mockReset on a spy', () => {
    const market = { apples: (n: number) => n * 10 };
    const spy = jest.spyOn(market, 'apples').mockReturnValue(0);
    spy.mockReset();
    // Jest: still spied on, but returns undefined until restored.
    expect(market.apples(2)).toBeUndefined();
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
    expect(market.apples(2)).toBe(20);
  });

  test('sinon: resetBehavior forgets the behaviour, restore brings the original back', () => {
    const market = { apples: (n: number) => n * 10 };
    const stub = sinon.stub(market, 'apples').returns(0);
    stub.resetBehavior();
    expect(market.apples(2)).toBeUndefined();
    stub.restore();
    expect(market.apples(2)).toBe(20);
  });
});

describe('pitfall: errors from another realm', () => {
  test('a fetch error is recognised by name, not by instanceof [mock-pitfall-realm]', async () => {
    const api = new ThirdPartyBonusRestApi({ baseUrl: 'http://[not-a-host' });
    const err: unknown = await api.bonusPrice(2017).catch((e: unknown) => e);
    // Node's fetch throws its own realm's TypeError; Jest's test code sees another global TypeError.
    expect(err instanceof TypeError).toBe(false);
    expect((err as Error).name).toBe('TypeError');
    expect((err as Error).message).toMatch(/Failed to parse URL/);
  });

  test('the salary lets an error that is not a refused connection through', async () => {
    const salary = new Salary({
      bonusApi: new ThirdPartyBonusRestApi({ baseUrl: 'http://[not-a-host' }),
    });
    await expect(salary.calculationSalary()).rejects.toMatchObject({ name: 'TypeError' });
  });

  test('a ConnectionRefusedError from a second copy of the module still means no bonus', async () => {
    let copy: typeof import('../../../src/domain/bonus-api.ts') | undefined;
    await jest.isolateModulesAsync(async () => {
      copy = await import('../../../src/domain/bonus-api.ts');
    });
    const error = new (copy as NonNullable<typeof copy>).ConnectionRefusedError(
      'http://127.0.0.1:1/bonus?year=2017',
    );
    // Salary checks against the first copy, which this error is not an instance of.
    expect(error instanceof ConnectionRefusedError).toBe(false);
    const bonusApi = { bonusPrice: jest.fn<() => Promise<number>>().mockRejectedValue(error) };
    expect(await new Salary({ bonusApi }).calculationSalary()).toBe(100);
  });
});
