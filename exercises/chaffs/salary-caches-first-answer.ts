// Chaff: remembers its first answer forever, so a later change of bonus is missed.
import { Salary as RealSalary } from '../../src/domain/salary.ts';

export type { SalaryOptions } from '../../src/domain/salary.ts';

export class Salary extends RealSalary {
  #first?: Promise<number>;

  override calculationSalary(): Promise<number> {
    this.#first ??= super.calculationSalary();
    return this.#first;
  }
}
