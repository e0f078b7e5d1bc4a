/**
 * The salary of the course's mock lesson: a base plus a bonus that a
 * third-party REST API decides.
 *
 * @module
 */
import { type BonusSource, ConnectionRefusedError, ThirdPartyBonusRestApi } from './bonus-api.ts';

export interface SalaryOptions {
  base?: number;
  year?: number;
  /** Where the bonus comes from; inject a stand-in here in tests. */
  bonusApi?: BonusSource;
}

/**
 * Matched by class, or by name when the class was loaded twice (a test
 * runner's module registry reset can do that), never by message.
 */
function isConnectionRefusedError(err: unknown): boolean {
  return (
    err instanceof ConnectionRefusedError ||
    (err as Error | null)?.name === 'ConnectionRefusedError'
  );
}

/**
 * Base pay plus the year's bonus.
 *
 * >>> const s = new Salary({ base: 200, year: 2018, bonusApi: { bonusPrice: async () => 1 } })
 * >>> await s.calculationSalary()
 * 201
 * >>> const byDefault = new Salary()
 * >>> [byDefault.base, byDefault.year]
 * [ 100, 2017 ]
 */
export class Salary {
  readonly base: number;
  readonly year: number;
  bonusApi: BonusSource;

  constructor(options: SalaryOptions = {}) {
    this.base = options.base ?? 100;
    this.year = options.year ?? 2017;
    this.bonusApi = options.bonusApi ?? new ThirdPartyBonusRestApi();
  }

  /**
   * Base plus bonus. A refused connection means "no bonus this time"; every
   * other failure is a real problem and propagates.
   *
   * >>> const refused = { bonusPrice: async () => { throw new ConnectionRefusedError('x') } }
   * >>> await new Salary({ bonusApi: refused }).calculationSalary()
   * 100
   *
   * The same with the real client: an error answer (404, no bonus table for
   * 1999) goes through; a service that is not there means a bonus of 0.
   *
   * >>> const { startBonusServer } = await import('./bonus-server.ts')
   * >>> const server = await startBonusServer({ port: 0 })
   * >>> const api = new ThirdPartyBonusRestApi({ baseUrl: server.url })
   * >>> await new Salary({ year: 1999, bonusApi: api }).calculationSalary() // doctest: +ELLIPSIS
   * Traceback (most recent call last):
   * BonusApiError: HTTP 404 Not Found from http://127.0.0.1:.../bonus?year=1999
   * >>> await server.close()
   * >>> const gone = await startBonusServer({ port: 0 })
   * >>> await gone.close()
   * >>> await new Salary({ bonusApi: new ThirdPartyBonusRestApi({ baseUrl: gone.url }) }).calculationSalary()
   * 100
   */
  async calculationSalary(): Promise<number> {
    let bonus: number;
    try {
      bonus = await this.bonusApi.bonusPrice(this.year);
    } catch (err) {
      if (!isConnectionRefusedError(err)) throw err;
      bonus = 0;
    }
    return this.base + bonus;
  }
}
