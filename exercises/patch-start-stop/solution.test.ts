import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import sinon from 'sinon';
import { ThirdPartyBonusRestApi } from '../../src/domain/bonus-api.ts';
import { Salary } from '../../src/domain/salary.ts';

describe('Salary with a patch started and stopped around each test', () => {
  let bonusPrice: sinon.SinonStub<[number], Promise<number>>;

  beforeEach(() => {
    bonusPrice = sinon.stub(ThirdPartyBonusRestApi.prototype, 'bonusPrice').resolves(1);
  });

  afterEach(() => sinon.restore());

  it('adds the bonus for 2017', async () => {
    expect(await new Salary({ year: 2017 }).calculationSalary()).toBe(101);
    sinon.assert.calledOnceWithExactly(bonusPrice, 2017);
  });

  it('asks for the year it was given', async () => {
    await new Salary({ year: 2020 }).calculationSalary();
    sinon.assert.calledWith(bonusPrice, 2020);
  });
});
