// An assertion inside `.then`, whose promise is neither awaited nor returned:
// the test has passed before the assertion runs. A failure there used to end
// the workshop's Jest runner process with a stack dump.
import { expect, it, jest } from '@jest/globals';
import { ThirdPartyBonusRestApi } from '../../src/domain/bonus-api.ts';
import { Salary } from '../../src/domain/salary.ts';

it('adds the bonus of 2017', () => {
  jest
    .spyOn(ThirdPartyBonusRestApi.prototype, 'bonusPrice')
    .mockImplementation(async (year) => (year === 2017 ? 1 : 0));
  new Salary({ base: 100, year: 2017 }).calculationSalary().then((total) => {
    expect(total).toBe(101);
  });
});
