// Chaff: forgets to await the bonus, so it adds a Promise to a number.
import { Salary as RealSalary } from '../../src/domain/salary.ts';

export type { SalaryOptions } from '../../src/domain/salary.ts';

export class Salary extends RealSalary {
  override async calculationSalary(): Promise<number> {
    const bonus: unknown = this.bonusApi.bonusPrice(this.year);
    // Keep the run free of unhandled rejections; the bug is the missing await.
    (bonus as Promise<number>).catch(() => undefined);
    return (this.base + (bonus as number)) as number;
  }
}
