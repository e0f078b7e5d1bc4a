// Chaff: the client reports a refused connection as an ordinary API error.
import { BonusApiError, ThirdPartyBonusRestApi as RealApi } from '../../src/domain/bonus-api.ts';

export * from '../../src/domain/bonus-api.ts';

export class ThirdPartyBonusRestApi extends RealApi {
  override async bonusPrice(year: number): Promise<number> {
    try {
      return await super.bonusPrice(year);
    } catch (err) {
      if ((err as Error).name !== 'ConnectionRefusedError') throw err;
      throw new BonusApiError(`request failed: ${(err as Error).message}`, undefined, {
        cause: err,
      });
    }
  }
}
