/**
 * The hosts a lesson may really connect to: loopback only, with any port.
 * nock tests this against `host:port`, so it is anchored at both ends (an
 * unanchored `'127.0.0.1'` would also let `127.0.0.1.example.com` through,
 * and would not let `localhost:PORT` through at all).
 */
export const LOOPBACK_HOST = /^(?:127\.0\.0\.1|localhost|\[?::1\]?)(?::\d+)?$/;
