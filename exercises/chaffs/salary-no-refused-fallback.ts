// Chaff: lets a refused connection fail the salary instead of paying no bonus.
import { Salary as RealSalary } from '../../src/domain/salary.ts';

export type { SalaryOptions } from '../../src/domain/salary.ts';

export class Salary extends RealSalary {
  override async calculationSalary(): Promise<number> {
    return this.base + (await this.bonusApi.bonusPrice(this.year));
  }
}
