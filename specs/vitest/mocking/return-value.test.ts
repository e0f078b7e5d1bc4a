// unittest.mock lesson 1: a stand-in that returns a value, and what it saw.
// Python: s.bonus_api.bonus_price = MagicMock(return_value=1).
import sinon from 'sinon';
import { describe, expect, test, vi } from 'vitest';
import { Salary } from '../../../src/domain/salary.ts';

describe('a stand-in that returns a value', () => {
  test('the framework mock returns 1 and the salary is 101 [mock-return-value]', async () => {
    const bonusPrice = vi.fn().mockResolvedValue(1);
    const salary = new Salary({ year: 2017, bonusApi: { bonusPrice } });

    expect(await salary.calculationSalary()).toBe(101);
    expect(bonusPrice).toHaveBeenCalled(); // assert_called()
    expect(bonusPrice).toHaveBeenCalledOnce(); // assert_called_once()
    expect(bonusPrice).toHaveBeenLastCalledWith(2017); // assert_called_with(year=2017)
    expect(bonusPrice.mock.calls).toHaveLength(1); // call_count == 1
  });

  test('a sinon stub returns 1 and the salary is 101', async () => {
    const bonusPrice = sinon.stub<[number], Promise<number>>().resolves(1);
    const salary = new Salary({ year: 2017, bonusApi: { bonusPrice } });

    expect(await salary.calculationSalary()).toBe(101);
    sinon.assert.called(bonusPrice);
    sinon.assert.calledOnce(bonusPrice);
    expect(bonusPrice.lastCall.args).toEqual([2017]);
    expect(bonusPrice.callCount).toBe(1);
  });
});

describe('the arguments of each call', () => {
  test('the framework mock records every call in order', async () => {
    const bonusPrice = vi.fn().mockResolvedValue(1);
    await new Salary({ year: 2016, bonusApi: { bonusPrice } }).calculationSalary();
    await new Salary({ year: 2017, bonusApi: { bonusPrice } }).calculationSalary();

    expect(bonusPrice.mock.calls).toEqual([[2016], [2017]]); // call_args_list
    expect(bonusPrice).toHaveBeenNthCalledWith(1, 2016);
    expect(bonusPrice).toHaveBeenCalledTimes(2);
  });

  test('a sinon stub records every call in order', async () => {
    const bonusPrice = sinon.stub<[number], Promise<number>>().resolves(1);
    await new Salary({ year: 2016, bonusApi: { bonusPrice } }).calculationSalary();
    await new Salary({ year: 2017, bonusApi: { bonusPrice } }).calculationSalary();

    expect(bonusPrice.args).toEqual([[2016], [2017]]);
    expect(bonusPrice.firstCall.calledWithExactly(2016)).toBe(true);
    sinon.assert.callOrder(bonusPrice.withArgs(2016), bonusPrice.withArgs(2017));
  });

  test('called-with looks at the last call only, as assert_called_with does [mock-call-args]', async () => {
    const bonusPrice = vi.fn().mockResolvedValue(1);
    const stub = sinon.stub<[number], Promise<number>>().resolves(1);
    for (const bonusApi of [{ bonusPrice }, { bonusPrice: stub }]) {
      await new Salary({ year: 2016, bonusApi }).calculationSalary();
      await new Salary({ year: 2017, bonusApi }).calculationSalary();
    }

    expect(bonusPrice).toHaveBeenLastCalledWith(2017);
    expect(() => expect(bonusPrice).toHaveBeenLastCalledWith(2016)).toThrow(/2016/);
    // "Was it ever called with 2016?" is assert_any_call: toHaveBeenCalledWith.
    expect(bonusPrice).toHaveBeenCalledWith(2016);
    // sinon's calledWith also means "any call"; the last call is asked for explicitly.
    sinon.assert.calledWith(stub, 2016);
    expect(stub.lastCall.calledWith(2016)).toBe(false);
  });
});
