// Chaff: asks for last year's bonus (an off-by-one on the year).
import { Salary as RealSalary } from '../../src/domain/salary.ts';

export type { SalaryOptions } from '../../src/domain/salary.ts';

export class Salary extends RealSalary {
  override calculationSalary(): Promise<number> {
    const lastYear = new RealSalary({
      base: this.base,
      year: this.year - 1,
      bonusApi: this.bonusApi,
    });
    return lastYear.calculationSalary();
  }
}
