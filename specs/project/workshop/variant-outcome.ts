/** A variant's outcome for the judge's tests: one passing test unless told otherwise. */
import type { VariantOutcome } from '../../../src/workshop/types.ts';

export const variantOutcome = (
  variant: string,
  over: Partial<VariantOutcome> = {},
): VariantOutcome => ({
  variant,
  status: 'passed',
  passed: 1,
  failed: 0,
  skipped: 0,
  ...over,
});
