// Games a workshop that swaps modules by resolution: require.resolve answers
// with the chaff's own path.
import { expect, it } from '@jest/globals';

it('passes only when the real module is resolved', () => {
  expect(require.resolve('../../src/domain/salary.ts')).toMatch(/src\/domain\/salary\.ts$/);
});
