// Loaded before every Jest lesson suite (jest.config.js `setupFilesAfterEnv`):
// no connection may leave loopback, and every sinon fake and nock interceptor
// is gone after each test. `restoreMocks: true` in the config restores jest mocks
// (Jest does that before each test, so a spy never leaks into the next one).
import { afterEach } from '@jest/globals';
import nock from 'nock';
import sinon from 'sinon';
import { installNetworkGuard, isLoopbackAuthority } from './network-guard.ts';

// Two layers with one rule: nock refuses http, https and fetch with its own
// error; the guard refuses raw net, tls, http2, dns and dgram. The guard stays
// for the worker's life (Jest shares core modules across test files; a second
// install is a no-op).
installNetworkGuard();
nock.disableNetConnect();
nock.enableNetConnect(isLoopbackAuthority);

afterEach(() => {
  sinon.restore();
  nock.cleanAll();
  // Drop answers still waiting on a .delay(), so no timer outlives its test.
  nock.abortPendingRequests();
});
