// Games a workshop that serves chaffs from their own files: the stack seen by
// the stub names the file the Salary came from.
import { expect, it } from 'vitest';
import { Salary } from '../../src/domain/salary.ts';

it('passes only when the bonus is asked for from src/domain/salary.ts', async () => {
  const callers: string[] = [];
  const bonusPrice = async () => {
    callers.push(new Error('where am I').stack ?? '');
    return 1;
  };
  await new Salary({ bonusApi: { bonusPrice } }).calculationSalary();
  expect(callers.join('\n')).not.toContain('exercises/chaffs/');
  expect(callers.join('\n')).toContain('src/domain/salary.ts');
});
