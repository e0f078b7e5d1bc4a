import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { ThirdPartyBonusRestApi } from '../../src/domain/bonus-api.ts';
import { Salary } from '../../src/domain/salary.ts';

const BASE = 'http://bonus.invalid';

describe('a refused connection, from the socket up to the salary', () => {
  beforeEach(() => {
    nock.disableNetConnect();
    nock(BASE)
      .get('/bonus')
      .query(true)
      .replyWithError({ code: 'ECONNREFUSED', message: 'refused' });
  });
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('the client reports it as ConnectionRefusedError', async () => {
    // Jest loads the error class in another realm: match on the name, not instanceof.
    await expect(
      new ThirdPartyBonusRestApi({ baseUrl: BASE }).bonusPrice(2017),
    ).rejects.toMatchObject({ name: 'ConnectionRefusedError' });
  });

  it('the salary falls back to no bonus', async () => {
    const api = new ThirdPartyBonusRestApi({ baseUrl: BASE });
    expect(await new Salary({ base: 100, year: 2017, bonusApi: api }).calculationSalary()).toBe(
      100,
    );
  });
});
