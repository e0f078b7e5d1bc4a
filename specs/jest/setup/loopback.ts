/**
 * Loopback, the only network the lessons may use, shared by the Jest and
 * Vitest setups and suites (nothing here depends on a test framework).
 */
import { type AddressInfo, connect, createServer } from 'node:net';
import { networkInterfaces } from 'node:os';
import { titleWithReason } from './lesson-conventions.ts';

/** Some containers have no IPv6 loopback; tests that need it skip there, and say why. */
export const HAS_IPV6_LOOPBACK = Object.values(networkInterfaces()).some((addresses) =>
  addresses?.some((a) => a.address === '::1'),
);

/** The title of a test that needs IPv6 loopback: with the skip reason only when it skips. */
export function ipv6Title(title: string): string {
  return HAS_IPV6_LOOPBACK ? title : titleWithReason(title, 'no IPv6 loopback (::1) here');
}

/** Send raw bytes to a loopback port and collect the reply until the peer closes. */
export function rawRequest(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(bytes));
    let reply = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      reply += chunk;
    });
    socket.on('end', () => resolve(reply));
    socket.on('error', reject);
  });
}

/** A loopback URL where nothing listens: a port that was just opened and closed again. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
