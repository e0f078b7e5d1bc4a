import sinon from 'sinon';
import { describe, expect, it } from 'vitest';
import { ConnectionRefusedError } from '../../src/domain/bonus-api.ts';
import { Salary } from '../../src/domain/salary.ts';

describe('Salary with a scripted sequence of answers', () => {
  it('asks again each time and follows the script', async () => {
    const bonusPrice = sinon.stub<[number], Promise<number>>().resolves(1);
    // TODO: script the stub: the first call resolves 1, the second rejects with a
    //       ConnectionRefusedError (onFirstCall / onSecondCall).
    const salary = new Salary({ base: 100, year: 2017, bonusApi: { bonusPrice } });

    expect(await salary.calculationSalary()).toBe(101);
    // TODO: ask the same salary a second time and check the answer and the call count.
    expect(ConnectionRefusedError).toBeDefined();
  });
});
