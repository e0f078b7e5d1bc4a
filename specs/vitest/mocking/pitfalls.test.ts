// Pitfalls with no Python counterpart, each shown with the behaviour it has
// here (the Jest file of the same name shows Jest's).
import * as os from 'node:os';
import sinon from 'sinon';
import { describe, expect, test, vi } from 'vitest';
import { ConnectionRefusedError, ThirdPartyBonusRestApi } from '../../../src/domain/bonus-api.ts';
import * as calculation from '../../../src/domain/calculation.ts';
import { Salary } from '../../../src/domain/salary.ts';

describe('pitfall: sinon cannot stub an ES module export', () => {
  test('a Node built-in: sealed under ESM, a plain object under CommonJS', () => {
    // Node built-ins are loaded natively here: a sealed Module namespace.
    expect(() => sinon.stub(os, 'hostname')).toThrow(new TypeError('ES Modules cannot be stubbed'));
  });

  test('a stub on a source module export cannot replace what callers use [mock-pitfall-esm-exports]', () => {
    // Vitest's own module objects are not sealed, so sinon does not throw,
    // but the export is a getter: the stub is never installed.
    const stub = sinon.stub(calculation, 'addNum').returns(42);
    expect(calculation.addNum(1, 1)).toBe(2);
    expect(new calculation.Cal().addNumAndDouble(1, 1)).toBe(4);
    expect(stub.called).toBe(false);
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
    const double = vi.fn((x: number) => x * 2);
    double.mockReturnValue(0);
    double.mockReset();
    // Vitest: back to the implementation the mock was made with.
    expect(double(2)).toBe(4);
    expect(double.mock.calls).toEqual([[2]]);
  });

  test('mockReset on a spy', () => {
    const market = { apples: (n: number) => n * 10 };
    const spy = vi.spyOn(market, 'apples').mockReturnValue(0);
    spy.mockReset();
    // Vitest: back to the original method, still spied on.
    expect(market.apples(2)).toBe(20);
    expect(spy).toHaveBeenCalledOnce();
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
    // Vitest runs tests in the same realm as Node's fetch: both checks agree.
    expect(err instanceof TypeError).toBe(true);
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
    vi.resetModules();
    const copy = await import('../../../src/domain/bonus-api.ts');
    const error = new copy.ConnectionRefusedError('http://127.0.0.1:1/bonus?year=2017');
    // Salary checks against the first copy, which this error is not an instance of.
    expect(error instanceof ConnectionRefusedError).toBe(false);
    const bonusApi = { bonusPrice: vi.fn().mockRejectedValue(error) };
    expect(await new Salary({ bonusApi }).calculationSalary()).toBe(100);
  });
});
