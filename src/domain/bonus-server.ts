/**
 * A real bonus service for the salary lessons: `GET /bonus?year=YYYY`
 * answers `{"year": 2017, "price": 1}` from `fixtures/bonus/bonuses.json`.
 * Bad input gets a 4xx JSON answer; nothing a client sends makes it crash.
 *
 * @module
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import bonusData from '../../fixtures/bonus/bonuses.json' with { type: 'json' };

/** The years the service knows, from its data file. */
export const BONUSES: ReadonlyMap<number, number> = new Map(
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
 */
export function answer(
  method: string,
  rawUrl: string,
  bonuses: ReadonlyMap<number, number>,
): Answer {
  const url = new URL(rawUrl, 'http://bonus.invalid');
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
    return { status: 404, body: { error: `no bonus known for ${year}` } };
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
  res.end(req.method === 'HEAD' ? undefined : json);
}

/** Start the service; resolves once it listens. */
export async function startBonusServer(
  options: BonusServerOptions = {},
): Promise<RunningBonusServer> {
  const bonuses = options.bonuses ?? BONUSES;
  const host = options.host ?? '127.0.0.1';
  const server: Server = createServer((req, res) => respond(req, res, bonuses));
  // A malformed request line must not take the process down.
  server.on('clientError', (_err, socket) => {
    /* v8 ignore else -- @preserve a socket the client already tore down needs no answer */
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
