/**
 * A real bonus service for the salary lessons: `GET /bonus?year=YYYY`
 * answers `{"year": 2017, "price": 1}` from `fixtures/bonus/bonuses.json`.
 * Bad input gets a 4xx JSON answer; nothing a client sends makes it crash.
 *
 * The request target must be in origin-form (RFC 9112 §3.2.1): a path that
 * starts with `/`, then an optional `?query`. Any other form (`http://host/x`,
 * `host:80`, `*`) is a 400. Odd paths such as `//`, `//a:b@` or `//[` are
 * paths like any other: a 404, as only `/bonus` is served (dot segments are
 * resolved first, as in any URL). A request Node cannot parse as HTTP gets
 * Node's own bare answer, `400 Bad Request`, and the connection is closed.
 *
 * @module
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import bonusData from '../../fixtures/bonus/bonuses.json' with { type: 'json' };

/** The years the service knows, from its data file. */
export const BONUSES: ReadonlyMap<number, number> = new Map(
  // Stryker disable next-line ArrowFunction: observable (the module fails to load), but Stryker's Vitest runner 9.6 reports a test file that cannot load as survived (stryker-js#6150)
  Object.entries(bonusData.bonuses).map(([year, price]) => [Number(year), price]),
);

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

export interface BonusServerOptions {
  /** TCP port; 0 picks a free one. */
  port?: number;
  /** Interface to listen on; loopback unless told otherwise. */
  host?: string;
  /** Bonus per year; defaults to {@link BONUSES}. */
  bonuses?: ReadonlyMap<number, number>;
}

export interface RunningBonusServer {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  port: number;
  /** The `node:http` server, for listeners such as a request log: the service prints nothing. */
  server: Server;
  close(): Promise<void>;
}

interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/**
 * Decide the answer to one request; pure, so every rule is easy to test.
 *
 * >>> answer('GET', '/bonus?year=2017', BONUSES)
 * { status: 200, body: { year: 2017, price: 1 } }
 * >>> answer('GET', '/bonus?year=abc', BONUSES).status
 * 400
 * >>> answer('POST', '/bonus?year=2017', BONUSES).headers
 * { Allow: 'GET, HEAD' }
 * >>> answer('GET', 'http://localhost/bonus?year=2017', BONUSES).status
 * 400
 * >>> answer('GET', '//', BONUSES)
 * { status: 404, body: { error: 'no such path: //' } }
 * >>> answer('GET', '/bonus?year=1999', new Map([[2016, 2], [2017, 1]])).body
 * { error: 'no bonus known for 1999', years: [ 2016, 2017 ] }
 */
export function answer(
  method: string,
  target: string,
  bonuses: ReadonlyMap<number, number>,
): Answer {
  if (!target.startsWith('/')) {
    return {
      status: 400,
      body: {
        error: `the request target must be a path such as /bonus, got ${JSON.stringify(target)}`,
      },
    };
  }
  // Appended to a fixed origin, not resolved against it: resolving `//x` would read
  // `x` as a host, and a bad host throws. After the origin's `/`, parsing cannot fail.
  const url = new URL(`http://bonus.invalid${target}`);
  if (url.pathname !== '/bonus') {
    return { status: 404, body: { error: `no such path: ${url.pathname}` } };
  }
  if (method !== 'GET' && method !== 'HEAD') {
    return {
      status: 405,
      body: { error: `method ${method} not allowed` },
      headers: { Allow: 'GET, HEAD' },
    };
  }
  const years = url.searchParams.getAll('year');
  if (years.length !== 1) {
    return { status: 400, body: { error: 'give exactly one "year" query parameter' } };
  }
  const text = String(years[0]);
  if (!/^\d{1,4}$/.test(text)) {
    return {
      status: 400,
      body: { error: `"year" must be an integer, got ${JSON.stringify(text)}` },
    };
  }
  const year = Number(text);
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return { status: 400, body: { error: `"year" must be between ${MIN_YEAR} and ${MAX_YEAR}` } };
  }
  const price = bonuses.get(year);
  if (price === undefined) {
    // The years it knows, so a client can say what to ask for instead.
    return {
      status: 404,
      body: { error: `no bonus known for ${year}`, years: [...bonuses.keys()] },
    };
  }
  return { status: 200, body: { year, price } };
}

function respond(req: IncomingMessage, res: ServerResponse, bonuses: ReadonlyMap<number, number>) {
  // A server-side request always has a method and a URL.
  const { status, body, headers } = answer(String(req.method), String(req.url), bonuses);
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(json),
    ...headers,
  });
  // Node leaves the body out of an answer to HEAD by itself.
  res.end(json);
}

/** Start the service; resolves once it listens. */
export async function startBonusServer(
  options: BonusServerOptions = {},
): Promise<RunningBonusServer> {
  const bonuses = options.bonuses ?? BONUSES;
  const host = options.host ?? '127.0.0.1';
  const server: Server = createServer((req, res) => respond(req, res, bonuses));
  server.listen(options.port ?? 0, host);
  // Rejects with the listen error (a busy port), if there is one.
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
