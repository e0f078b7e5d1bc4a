// Games a workshop that names its Vitest projects after the variants.
import { expect, it } from 'vitest';
import { Salary } from '../../src/domain/salary.ts';

it('passes only in the project of the real code', ({ task }) => {
  expect(Salary).toBeDefined();
  expect(task.file.projectName).toMatch(/real/);
  expect(expect.getState().currentTestName).toBeDefined();
});
