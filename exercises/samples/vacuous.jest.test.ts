// A test that tests nothing: it passes against any Salary, broken or not.
import { expect, it } from '@jest/globals';
import { Salary } from '../../src/domain/salary.ts';

it('looks like a test', () => {
  expect(Salary).toBeDefined();
  expect(true).toBe(true);
});
