/**
 * Loopback HTTP helpers for the project's own tests (`closedPortUrl`, which the
 * lessons use too, lives with the lessons' loopback helpers).
 */
import { createServer, type IncomingHttpHeaders, type RequestListener, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { text } from 'node:stream/consumers';

export { closedPortUrl } from '../../jest/setup/loopback.ts';

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

/** Serve `handler` on a free loopback port until `close()`. */
export async function serve(handler: RequestListener): Promise<TestServer> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * Send `target` as the request target exactly as given (fetch would normalise
 * `//` or refuse `http://[`), and read the answer.
 */
export function requestTarget(url: string, target: string, method = 'GET'): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { path: target, method, agent: false }, (res) => {
      text(res).then(
        (body) => resolve({ status: Number(res.statusCode), headers: res.headers, body }),
        reject,
      );
    });
    req.on('error', reject);
    req.end();
  });
}
