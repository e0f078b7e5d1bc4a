import sinon from 'sinon';
import { describe, expect, it } from 'vitest';
import { ConnectionRefusedError } from '../../src/domain/bonus-api.ts';
import { Salary } from '../../src/domain/salary.ts';

describe('Salary with a scripted sequence of answers', () => {
  it('asks again each time and follows the script', async () => {
    const bonusPrice = sinon.stub<[number], Promise<number>>();
    bonusPrice.onFirstCall().resolves(1);
    bonusPrice.onSecondCall().rejects(new ConnectionRefusedError('http://bonus.invalid'));
    const salary = new Salary({ base: 100, year: 2017, bonusApi: { bonusPrice } });

    expect(await salary.calculationSalary()).toBe(101);
    expect(await salary.calculationSalary()).toBe(100);
    sinon.assert.calledTwice(bonusPrice);
  });
});
