// Loaded before every Vitest lesson suite (vitest.config.ts `setupFiles`):
// no request may leave loopback, and every sinon fake and nock interceptor
// is gone after each test. `restoreMocks: true` in the config restores vi mocks.
import nock from 'nock';
import sinon from 'sinon';
import { afterEach } from 'vitest';
import { LOOPBACK_HOST } from '../../jest/setup/loopback.ts';

nock.disableNetConnect();
nock.enableNetConnect(LOOPBACK_HOST);

afterEach(() => {
  sinon.restore();
  nock.cleanAll();
  // Drop answers still waiting on a .delay(), so no timer outlives its test.
  nock.abortPendingRequests();
});
