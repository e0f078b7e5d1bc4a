import sinon from 'sinon';
import { afterEach, describe, expect, it } from 'vitest';
import { Salary } from '../../src/domain/salary.ts';

describe('Salary with a sinon stub', () => {
  afterEach(() => sinon.restore());

  it('adds the stubbed bonus and asks once for its year', async () => {
    const bonusPrice = sinon.stub<[number], Promise<number>>().resolves(1);
    const salary = new Salary({ year: 2017, bonusApi: { bonusPrice } });

    expect(await salary.calculationSalary()).toBe(101);
    sinon.assert.calledOnceWithExactly(bonusPrice, 2017);
  });
});
