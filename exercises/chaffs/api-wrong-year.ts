// Chaff: the client asks the service for last year's bonus.
import { ThirdPartyBonusRestApi as RealApi } from '../../src/domain/bonus-api.ts';

export * from '../../src/domain/bonus-api.ts';

export class ThirdPartyBonusRestApi extends RealApi {
  override bonusPrice(year: number): Promise<number> {
    return super.bonusPrice(year - 1);
  }
}
