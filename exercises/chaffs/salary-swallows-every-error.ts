// Chaff: catches every error, not only a refused connection, and pays no bonus.
import { Salary as RealSalary } from '../../src/domain/salary.ts';

export type { SalaryOptions } from '../../src/domain/salary.ts';

export class Salary extends RealSalary {
  override async calculationSalary(): Promise<number> {
    try {
      return await super.calculationSalary();
    } catch {
      return this.base;
    }
  }
}
