import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { ThirdPartyBonusRestApi } from '../../src/domain/bonus-api.ts';
import { Salary } from '../../src/domain/salary.ts';

const BASE = 'http://bonus.invalid';

describe('a refused connection, from the socket up to the salary', () => {
  beforeEach(() => {
    nock.disableNetConnect();
    // TODO: make every GET /bonus fail like a closed port (replyWithError, code ECONNREFUSED).
  });
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('the client reports it as ConnectionRefusedError', async () => {
    // TODO: expect bonusPrice to reject with an error named ConnectionRefusedError.
    await expect(new ThirdPartyBonusRestApi({ baseUrl: BASE }).bonusPrice(2017)).rejects.toBeDefined();
  });

  it('the salary falls back to no bonus', async () => {
    // TODO: a Salary using a real client on BASE: what is its total?
    expect(Salary).toBeDefined();
  });
});
