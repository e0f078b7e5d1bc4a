// Chaff: treats a server error (HTTP 500) as "no bonus" instead of a failure.
import { Salary as RealSalary } from '../../src/domain/salary.ts';

export type { SalaryOptions } from '../../src/domain/salary.ts';

export class Salary extends RealSalary {
  override async calculationSalary(): Promise<number> {
    try {
      return await super.calculationSalary();
    } catch (err) {
      if ((err as { status?: unknown }).status === 500) return this.base;
      throw err;
    }
  }
}
