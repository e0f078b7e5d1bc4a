// Chaff: the client turns a server error (HTTP 500) into a bonus of 0.
import { ThirdPartyBonusRestApi as RealApi } from '../../src/domain/bonus-api.ts';

export * from '../../src/domain/bonus-api.ts';

export class ThirdPartyBonusRestApi extends RealApi {
  override async bonusPrice(year: number): Promise<number> {
    try {
      return await super.bonusPrice(year);
    } catch (err) {
      if ((err as { status?: unknown }).status === 500) return 0;
      throw err;
    }
  }
}
