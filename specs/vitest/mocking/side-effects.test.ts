// unittest.mock lesson 3: side_effect — compute the answer, raise, or answer
// a sequence. Python: mock_bonus.side_effect = f / ConnectionRefusedError / [1, ValueError].
import sinon from 'sinon';
import { describe, expect, test, vi } from 'vitest';
import { ConnectionRefusedError, ThirdPartyBonusRestApi } from '../../../src/domain/bonus-api.ts';
import { Salary } from '../../../src/domain/salary.ts';

const { prototype } = ThirdPartyBonusRestApi;
const refused = () => new ConnectionRefusedError('http://127.0.0.1:8080/bonus?year=2017');

describe('a side effect that computes the answer', () => {
  test('the framework mock answers year + 1000, so the salary is 3117 [mock-side-effect-function]', async () => {
    const spy = vi.spyOn(prototype, 'bonusPrice').mockImplementation(async (year) => year + 1000);
    expect(await new Salary({ year: 2017 }).calculationSalary()).toBe(3117);
    expect(spy).toHaveBeenCalled();
  });

  test('a sinon stub answers year + 1000, so the salary is 3117', async () => {
    const stub = sinon.stub(prototype, 'bonusPrice').callsFake(async (year) => year + 1000);
    expect(await new Salary({ year: 2017 }).calculationSalary()).toBe(3117);
    sinon.assert.called(stub);
  });
});

describe('a side effect that throws', () => {
  test('the framework mock refuses the connection, so the bonus is 0 [mock-side-effect-exception]', async () => {
    const spy = vi.spyOn(prototype, 'bonusPrice').mockRejectedValue(refused());
    expect(await new Salary({ year: 2017 }).calculationSalary()).toBe(100);
    expect(spy).toHaveBeenCalled();
  });

  test('a sinon stub refuses the connection, so the bonus is 0', async () => {
    const stub = sinon.stub(prototype, 'bonusPrice').rejects(refused());
    expect(await new Salary({ year: 2017 }).calculationSalary()).toBe(100);
    sinon.assert.called(stub);
  });

  test('any other error is not swallowed', async () => {
    vi.spyOn(prototype, 'bonusPrice').mockRejectedValue(new RangeError('no bonus table'));
    await expect(new Salary({ year: 2017 }).calculationSalary()).rejects.toThrow(RangeError);
  });

  test('a rejection with no reason at all is passed on as it is', async () => {
    // Unlike Python's raise, a promise can reject with anything: here undefined,
    // what mockRejectedValue() gives when its argument is forgotten.
    vi.spyOn(prototype, 'bonusPrice').mockRejectedValue(undefined);
    await expect(new Salary({ year: 2017 }).calculationSalary()).rejects.toBeUndefined();
  });
});

describe('a side effect that is a sequence', () => {
  test('the framework mock answers 1, then throws [mock-side-effect-sequence]', async () => {
    const spy = vi
      .spyOn(prototype, 'bonusPrice')
      .mockResolvedValueOnce(1)
      .mockRejectedValueOnce(new RangeError('second call'));
    const salary = new Salary({ year: 2017 });

    expect(await salary.calculationSalary()).toBe(101);
    await expect(salary.calculationSalary()).rejects.toThrow('second call');
    expect(spy).toHaveBeenCalledTimes(2);
  });

  test('a sinon stub answers 1, then throws', async () => {
    const stub = sinon.stub(prototype, 'bonusPrice');
    stub.onFirstCall().resolves(1).onSecondCall().rejects(new RangeError('second call'));
    const salary = new Salary({ year: 2017 });

    expect(await salary.calculationSalary()).toBe(101);
    await expect(salary.calculationSalary()).rejects.toThrow('second call');
    expect(stub.callCount).toBe(2);
  });
});
