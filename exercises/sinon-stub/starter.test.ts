import sinon from 'sinon';
import { afterEach, describe, expect, it } from 'vitest';
import { Salary } from '../../src/domain/salary.ts';

describe('Salary with a sinon stub', () => {
  afterEach(() => sinon.restore());

  it('adds the stubbed bonus and asks once for its year', async () => {
    // TODO: program the stub to resolve to 1.
    const bonusPrice = sinon.stub<[number], Promise<number>>();
    const salary = new Salary({ year: 2017, bonusApi: { bonusPrice } });

    await salary.calculationSalary();
    // TODO: assert the total, then use sinon.assert to check the one call and its argument.
    expect(bonusPrice.called).toBe(true);
  });
});
