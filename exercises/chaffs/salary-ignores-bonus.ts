// Chaff: asks for the bonus, then forgets to add it.
import { Salary as RealSalary } from '../../src/domain/salary.ts';

export type { SalaryOptions } from '../../src/domain/salary.ts';

export class Salary extends RealSalary {
  override async calculationSalary(): Promise<number> {
    await super.calculationSalary();
    return this.base;
  }
}
