// Chaff: a unit slip (30 s, not 3 s) makes the default timeout ten times too long.
import {
  type BonusApiOptions,
  ThirdPartyBonusRestApi as RealApi,
} from '../../src/domain/bonus-api.ts';

export * from '../../src/domain/bonus-api.ts';

export class ThirdPartyBonusRestApi extends RealApi {
  constructor(options: BonusApiOptions = {}) {
    super({ timeoutMs: 30_000, ...options });
  }
}
