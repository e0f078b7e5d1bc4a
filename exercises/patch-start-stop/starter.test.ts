import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import sinon from 'sinon';
import { ThirdPartyBonusRestApi } from '../../src/domain/bonus-api.ts';
import { Salary } from '../../src/domain/salary.ts';

describe('Salary with a patch started and stopped around each test', () => {
  let bonusPrice: sinon.SinonStub<[number], Promise<number>> | undefined;

  beforeEach(() => {
    // TODO: start the patch: stub ThirdPartyBonusRestApi.prototype.bonusPrice to resolve 1.
    bonusPrice = undefined;
  });

  afterEach(() => {
    // TODO: stop the patch (sinon.restore()).
  });

  it('adds the bonus for 2017', async () => {
    // TODO: expect the total and the one call with 2017.
    expect(bonusPrice).toBeUndefined();
    expect(new Salary({ year: 2017 }).year).toBe(2017);
  });
});
