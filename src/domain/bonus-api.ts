/**
 * The client of the third-party bonus REST API that `Salary` depends on.
 * It is the part the mock lessons replace, so its failures are explicit
 * classes a test can name.
 *
 * @module
 */

/**
 * Where the client looks when neither an option nor `BONUS_API_URL` is given.
 *
 * >>> DEFAULT_BONUS_API_URL
 * 'http://127.0.0.1:8080'
 */
export const DEFAULT_BONUS_API_URL = 'http://127.0.0.1:8080';

/** How long a request may take before it is aborted, in milliseconds. */
export const DEFAULT_TIMEOUT_MS = 3000;

/**
 * The bonus service could not be reached: nothing listens on its port.
 * `Salary` turns this, and only this, into a bonus of 0.
 *
 * >>> new ConnectionRefusedError('http://127.0.0.1:1/bonus?year=2017').message
 * 'connection refused: http://127.0.0.1:1/bonus?year=2017'
 */
export class ConnectionRefusedError extends Error {
  override name = 'ConnectionRefusedError';
  constructor(url: string, options?: ErrorOptions) {
    super(`connection refused: ${url}`, options);
  }
}

/**
 * The bonus service answered, but not with a usable bonus (or not in time).
 *
 * >>> const err = new BonusApiError('HTTP 500 Internal Server Error', 500)
 * >>> [err.name, err.status]
 * [ 'BonusApiError', 500 ]
 */
export class BonusApiError extends Error {
  override name = 'BonusApiError';
  /** For an error status, what the service said. */
  readonly body: string | undefined;

  constructor(
    message: string,
    readonly status?: number,
    options?: ErrorOptions & { body?: string },
  ) {
    super(message, options);
    this.body = options?.body;
  }
}

export interface BonusApiOptions {
  /** Base URL of the service; else `BONUS_API_URL`; else {@link DEFAULT_BONUS_API_URL}. */
  baseUrl?: string;
  /** Abort a request after this many milliseconds (default {@link DEFAULT_TIMEOUT_MS}). */
  timeoutMs?: number;
}

/** What `Salary` needs from a bonus source: the seam the mock lessons use. */
export interface BonusSource {
  bonusPrice(year: number): Promise<number>;
}

/** Error codes that mean "nothing is listening there". */
const REFUSED_CODES = new Set(['ECONNREFUSED']);

/**
 * Is this a refused connection? Real `fetch` wraps the socket error in
 * `cause`, nock 14 puts the code on the error itself, and under Jest the
 * error comes from another realm, so look at codes, never at `instanceof`.
 */
function isConnectionRefused(err: unknown): boolean {
  // fetch rejects with an Error (or a DOMException), never with null.
  const e = err as { code?: unknown; cause?: { code?: unknown } };
  return REFUSED_CODES.has(String(e.cause?.code)) || REFUSED_CODES.has(String(e.code));
}

/**
 * `GET {baseUrl}/bonus?year={year}` and return the JSON `price`.
 *
 * >>> new ThirdPartyBonusRestApi({ baseUrl: 'http://127.0.0.1:9999/' }).baseUrl
 * 'http://127.0.0.1:9999'
 */
export class ThirdPartyBonusRestApi implements BonusSource {
  readonly baseUrl: string;
  readonly timeoutMs: number;

  constructor(options: BonusApiOptions = {}) {
    const base = options.baseUrl ?? process.env.BONUS_API_URL ?? DEFAULT_BONUS_API_URL;
    this.baseUrl = base.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /**
   * The bonus for `year`, as the service reports it.
   *
   * >>> const { startBonusServer } = await import('./bonus-server.ts')
   * >>> const server = await startBonusServer({ port: 0 })
   * >>> await new ThirdPartyBonusRestApi({ baseUrl: server.url }).bonusPrice(2017)
   * 1
   * >>> const api = new ThirdPartyBonusRestApi({ baseUrl: server.url })
   * >>> await api.bonusPrice(1999) // doctest: +ELLIPSIS
   * Traceback (most recent call last):
   * BonusApiError: HTTP 404 Not Found from http://127.0.0.1:.../bonus?year=1999
   * >>> await server.close()
   *
   * Where nothing listens, the connection is refused:
   *
   * >>> const gone = await startBonusServer({ port: 0 })
   * >>> await gone.close()
   * >>> await new ThirdPartyBonusRestApi({ baseUrl: gone.url }).bonusPrice(2017) // doctest: +ELLIPSIS
   * Traceback (most recent call last):
   * ConnectionRefusedError: connection refused: http://127.0.0.1:.../bonus?year=2017
   */
  async bonusPrice(year: number): Promise<number> {
    const url = `${this.baseUrl}/bonus?year=${encodeURIComponent(String(year))}`;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    try {
      const response = await this.get(url, controller.signal);
      const body = await response.text();
      if (!response.ok) {
        throw new BonusApiError(
          `HTTP ${response.status} ${response.statusText} from ${url}`,
          response.status,
          { body },
        );
      }
      return parsePrice(body, url, response.status);
    } catch (err) {
      if (controller.signal.aborted && !(err instanceof BonusApiError)) {
        throw new BonusApiError(`timed out after ${this.timeoutMs} ms: ${url}`, undefined, {
          cause: err,
        });
      }
      throw err;
      /* v8 ignore next -- @preserve never reached: the try returns and the catch throws */
    } finally {
      clearTimeout(timer);
    }
  }

  private async get(url: string, signal: AbortSignal): Promise<Response> {
    try {
      return await fetch(url, { signal });
    } catch (err) {
      if (isConnectionRefused(err)) throw new ConnectionRefusedError(url, { cause: err });
      throw err;
    }
  }
}

/**
 * Read `price` out of a response body, refusing anything that is not a number.
 *
 * >>> parsePrice('{"year": 2017, "price": 1}', '/bonus', 200)
 * 1
 * >>> parsePrice('{"year": 2017}', '/bonus', 200)
 * Traceback (most recent call last):
 * BonusApiError: response from /bonus has no numeric "price": {"year": 2017}
 * >>> parsePrice('<h1>Bad Gateway</h1>', '/bonus', 200)
 * Traceback (most recent call last):
 * BonusApiError: malformed JSON from /bonus: <h1>Bad Gateway</h1>
 */
export function parsePrice(body: string, url: string, status: number): number {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (err) {
    throw new BonusApiError(`malformed JSON from ${url}: ${body.slice(0, 80)}`, status, {
      cause: err,
    });
  }
  const price = (data as { price?: unknown } | null)?.price;
  // Number.isFinite does not coerce: it is false for every non-number ("1" included).
  if (!Number.isFinite(price)) {
    throw new BonusApiError(
      `response from ${url} has no numeric "price": ${body.slice(0, 80)}`,
      status,
    );
  }
  return price as number;
}
