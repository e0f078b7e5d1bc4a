/**
 * The calculator of the course's doctest, unittest and pytest lessons.
 *
 * TypeScript's types vanish at run time, and JavaScript would happily turn
 * `"2" + 1` into `"21"`. Python raises a TypeError there, so we check every
 * argument at run time and do the same.
 *
 * @module
 *
 * >>> addNum(2, 3)
 * 5
 */

function requireFiniteNumber(name: string, value: unknown): number {
  // Number.isFinite does not coerce: it is false for every non-number.
  if (!Number.isFinite(value)) {
    const shown = typeof value === 'string' ? JSON.stringify(value) : String(value);
    throw new TypeError(`${name} must be a finite number, got ${typeof value} ${shown}`);
  }
  return value as number;
}

/** A calculator with one operation, as in the course. */
export class Cal {
  /**
   * Adds two numbers and doubles the sum.
   *
   * >>> const c = new Cal()
   * >>> c.addNumAndDouble(1, 1)
   * 4
   * >>> c.addNumAndDouble(2.5, -0.5)
   * 4
   * >>> // @ts-expect-error: a string on purpose, to show the run-time check
   * ... c.addNumAndDouble('2', 1)
   * Traceback (most recent call last):
   *   ...
   * TypeError: x must be a finite number, got string "2"
   */
  addNumAndDouble(x: number, y: number): number {
    return addNum(x, y) * 2;
  }
}

/**
 * Adds two numbers.
 *
 * >>> addNum(1, 1)
 * 2
 * >>> addNum(0.1, 0.2)
 * 0.30000000000000004
 * >>> addNum(1, NaN)
 * Uncaught TypeError: y must be a finite number, got number NaN
 */
export function addNum(x: number, y: number): number {
  return requireFiniteNumber('x', x) + requireFiniteNumber('y', y);
}
