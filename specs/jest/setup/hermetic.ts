// Loaded before every Jest lesson suite (jest.config.js `setupFilesAfterEnv`):
// no request may leave loopback, and every sinon fake and nock interceptor
// is gone after each test. `restoreMocks: true` in the config restores jest mocks
// (Jest does that before each test, so a spy never leaks into the next one).
import { afterEach } from '@jest/globals';
import nock from 'nock';
import sinon from 'sinon';
import { LOOPBACK_HOST } from './loopback.ts';

nock.disableNetConnect();
nock.enableNetConnect(LOOPBACK_HOST);

afterEach(() => {
  sinon.restore();
  nock.cleanAll();
  // Drop answers still waiting on a .delay(), so no timer outlives its test.
  nock.abortPendingRequests();
});
