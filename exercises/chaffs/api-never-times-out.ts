// Chaff: the client ignores its timeout and waits for the service forever.
import {
  type BonusApiOptions,
  ThirdPartyBonusRestApi as RealApi,
} from '../../src/domain/bonus-api.ts';

export * from '../../src/domain/bonus-api.ts';

/** The longest delay `setTimeout` honours (about 24.8 days): "forever" for a test. */
const FOREVER_MS = 2 ** 31 - 1;

export class ThirdPartyBonusRestApi extends RealApi {
  constructor(options: BonusApiOptions = {}) {
    super({ ...options, timeoutMs: FOREVER_MS });
  }
}
