// Games a workshop whose chaffs extend the real class: only the real Salary
// inherits straight from Object. It checks no behaviour at all.
import { expect, it } from 'vitest';
import { Salary } from '../../src/domain/salary.ts';

it('passes only on the real Salary', () => {
  expect(Object.getPrototypeOf(Salary.prototype)).toBe(Object.prototype);
});
