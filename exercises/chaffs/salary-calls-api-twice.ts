// Chaff: a leftover "warm-up" call makes every salary cost two API requests.
import { Salary as RealSalary } from '../../src/domain/salary.ts';

export type { SalaryOptions } from '../../src/domain/salary.ts';

export class Salary extends RealSalary {
  override async calculationSalary(): Promise<number> {
    await this.bonusApi.bonusPrice(this.year).catch(() => undefined);
    return super.calculationSalary();
  }
}
