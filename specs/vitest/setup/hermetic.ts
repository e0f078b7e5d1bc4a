// Loaded before every Vitest lesson suite (vitest.config.ts `setupFiles`):
// no connection may leave loopback, and every sinon fake and nock interceptor
// is gone after each test. `restoreMocks: true` in the config restores vi mocks.
import nock from 'nock';
import sinon from 'sinon';
import { afterEach } from 'vitest';
import { installNetworkGuard, isLoopbackAuthority } from '../../jest/setup/network-guard.ts';

// Two layers with one rule: nock refuses http, https and fetch with its own
// error; the guard refuses raw net, tls, http2, dns and dgram. The guard stays
// for the worker's life (a second install is a no-op).
installNetworkGuard();
nock.disableNetConnect();
nock.enableNetConnect(isLoopbackAuthority);

afterEach(() => {
  sinon.restore();
  nock.cleanAll();
  // Drop answers still waiting on a .delay(), so no timer outlives its test.
  nock.abortPendingRequests();
});
