import { describe, expect, test } from 'vitest';
import {
  BonusApiError,
  ConnectionRefusedError,
  ThirdPartyBonusRestApi,
} from '../../../src/domain/bonus-api.ts';
import { startBonusServer } from '../../../src/domain/bonus-server.ts';
import { Salary } from '../../../src/domain/salary.ts';
import { closedPortUrl } from '../support/http.ts';

const failing = (err: unknown) => ({
  bonusPrice: async () => {
    throw err;
  },
});

describe('Salary', () => {
  test('defaults: base 100, year 2017, the REST client', () => {
    const salary = new Salary();
    expect([salary.base, salary.year]).toEqual([100, 2017]);
    expect(salary.bonusApi).toBeInstanceOf(ThirdPartyBonusRestApi);
  });

  test('base plus the bonus for its year', async () => {
    const years: number[] = [];
    const bonusApi = {
      bonusPrice: async (year: number) => {
        years.push(year);
        return 7;
      },
    };
    await expect(new Salary({ base: 200, year: 2020, bonusApi }).calculationSalary()).resolves.toBe(
      207,
    );
    expect(years).toEqual([2020]);
  });

  test('a refused connection means a bonus of 0', async () => {
    const salary = new Salary({ bonusApi: failing(new ConnectionRefusedError('x')) });
    await expect(salary.calculationSalary()).resolves.toBe(100);
  });

  test('a ConnectionRefusedError from a second copy of the class is recognised by name', async () => {
    const twin = Object.assign(new Error('refused'), { name: 'ConnectionRefusedError' });
    await expect(new Salary({ bonusApi: failing(twin) }).calculationSalary()).resolves.toBe(100);
  });

  test('every other error propagates', async () => {
    const err = new BonusApiError('HTTP 500', 500);
    await expect(new Salary({ bonusApi: failing(err) }).calculationSalary()).rejects.toBe(err);
    await expect(new Salary({ bonusApi: failing(null) }).calculationSalary()).rejects.toBeNull();
  });

  test('a real refused port gives base + 0 through the real client', async () => {
    const bonusApi = new ThirdPartyBonusRestApi({ baseUrl: await closedPortUrl() });
    await expect(new Salary({ bonusApi }).calculationSalary()).resolves.toBe(100);
  });

  test('against the real bonus service', async () => {
    const server = await startBonusServer({ port: 0 });
    try {
      const bonusApi = new ThirdPartyBonusRestApi({ baseUrl: server.url });
      await expect(new Salary({ year: 2019, bonusApi }).calculationSalary()).resolves.toBe(108);
    } finally {
      await server.close();
    }
  });
});
