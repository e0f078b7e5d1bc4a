/**
 * The lessons' network guard (specs/jest/setup/network-guard.ts). No packet
 * is sent: every test first stubs the layer the guard sits on (Socket#connect,
 * dns.lookup, a resolver method, dgram's send), then installs the guard over
 * the stub, and shows whether a call reaches the stub. Even a broken guard
 * would only reach a stub.
 */
import dgram from 'node:dgram';
import dns, { lookup as namedLookup } from 'node:dns';
import { once } from 'node:events';
import http2 from 'node:http2';
import net from 'node:net';
import { resolve } from 'node:path';
import tls from 'node:tls';
import { afterEach, describe, expect, type MockInstance, test, vi } from 'vitest';
import {
  FRAMEWORK_RUN_TEST_TIMEOUT_MS,
  runFrameworkSync,
} from '../../jest/setup/lesson-conventions.ts';
import {
  installNetworkGuard,
  isLoopbackAuthority,
  isLoopbackHost,
  isNetworkGuardInstalled,
  NETWORK_GUARD_CODE,
} from '../../jest/setup/network-guard.ts';

/** Off loopback: a documentation address (TEST-NET-3), a private one, names, IPv6. */
const OUTSIDE = [
  '203.0.113.7',
  '10.1.2.3',
  'example.invalid',
  '2001:db8::1',
  '127.0.0.1.example.com',
  'localhost.example.com',
];
/** On loopback: IPv4-mapped loopback too (it is 127.0.0.1, written for an IPv6 socket). */
const INSIDE = ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1', 'localhost'];

const REFUSED = {
  name: 'NetworkGuardError',
  code: NETWORK_GUARD_CODE,
  message: expect.stringMatching(
    /^test-dojo: .+ refused: lessons may only reach loopback \(127\.0\.0\.0\/8, ::1, localhost\)$/,
  ),
};

const root = resolve(import.meta.dirname, '../../..');

const bracketed = (host: string) => (net.isIPv6(host) ? `[${host}]` : host);

let uninstall: (() => void) | undefined;

/** Install the guard over whatever is in place now (the test's stubs). */
function guard(): void {
  uninstall = installNetworkGuard();
}

afterEach(() => {
  uninstall?.();
  uninstall = undefined;
  vi.restoreAllMocks();
});

/** What a stub answers when reached, so a test that expected a refusal fails at once. */
const REACHED = 'reached the stubbed layer under the guard';

/** Socket#connect stubbed: it records the call, connects nothing and fails on the next tick. */
function stubConnect(): MockInstance {
  return vi.spyOn(net.Socket.prototype, 'connect').mockImplementation(function (this: net.Socket) {
    process.nextTick(() => this.destroy(new Error(REACHED)));
    return this;
  });
}

/** dgram's send or connect stubbed: it records the call and answers its callback. */
function stubDatagram(method: 'send' | 'connect'): MockInstance {
  return vi.spyOn(dgram.Socket.prototype, method).mockImplementation((...args: unknown[]) => {
    const callback = args.at(-1);
    if (typeof callback === 'function') callback(new Error(REACHED));
  });
}

/** The error a socket or session emits next. */
async function nextError(emitter: NodeJS.EventEmitter): Promise<unknown> {
  const [error] = await once(emitter, 'error');
  return error;
}

describe('isLoopbackHost', () => {
  test.each(INSIDE)('%s is loopback', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });
  test.each([
    ...OUTSIDE,
    '128.0.0.1',
    '0.0.0.0',
    '::',
    '127.1',
    '[::1]',
    'localhost.',
    '::ffff:10.0.0.1',
  ])('%s is not', (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });
  test('the name is matched without regard to case, as DNS does', () => {
    expect(isLoopbackHost('LocalHost')).toBe(true);
  });
});

describe('isLoopbackAuthority (nock tests hostname:port)', () => {
  test.each(['127.0.0.1:80', '127.9.9.9:1', 'localhost:8080', '[::1]:443', '::1:443'])(
    '%s passes',
    (hostPort) => {
      expect(isLoopbackAuthority(hostPort)).toBe(true);
    },
  );
  test.each([
    '127.0.0.1.example.com:80',
    'localhost.example.com:443',
    'example.invalid:80',
    '[2001:db8::1]:443',
    '::1:80:443',
  ])('%s is refused', (hostPort) => {
    expect(isLoopbackAuthority(hostPort)).toBe(false);
  });
});

describe('net, tls, http2 and fetch connect through Socket#connect', () => {
  test.each(OUTSIDE)('net.connect to %s:443 never reaches it', async (host) => {
    const connect = stubConnect();
    guard();
    const error = await nextError(net.connect(443, host));
    expect(error).toMatchObject(REFUSED);
    expect(error).toMatchObject({
      host,
      port: 443,
      message: expect.stringContaining(`connection to ${bracketed(host)}:443 refused`),
    });
    expect(connect).not.toHaveBeenCalled();
  });

  test.each(INSIDE)('net.connect to %s reaches it', (host) => {
    const connect = stubConnect();
    guard();
    net.connect({ host, port: 9 }).destroy();
    expect(connect).toHaveBeenCalledOnce();
  });

  test('Socket#connect with a port given as a string reads it as a port, not a socket path', async () => {
    const connect = stubConnect();
    guard();
    // Node accepts a numeric string here; the types do not.
    const socket = new net.Socket().connect('443' as unknown as number, 'example.invalid');
    expect(await nextError(socket)).toMatchObject({
      ...REFUSED,
      host: 'example.invalid',
      port: 443,
    });
    expect(connect).not.toHaveBeenCalled();
  });

  test('a Unix socket path is local and passes; no host means localhost', () => {
    const connect = stubConnect();
    guard();
    net.connect('/tmp/test-dojo-no-such.sock').destroy();
    net.connect({ port: 9 }).destroy();
    expect(connect).toHaveBeenCalledTimes(2);
  });

  test.each(OUTSIDE)('tls.connect to %s never reaches it', async (host) => {
    const connect = stubConnect();
    guard();
    const error = await nextError(tls.connect({ host, port: 443 }));
    expect(error).toMatchObject({ ...REFUSED, host, port: 443 });
    expect(connect).not.toHaveBeenCalled();
  });

  test.each(INSIDE)('tls.connect to %s reaches it', (host) => {
    const connect = stubConnect();
    guard();
    tls.connect({ host, port: 9 }).destroy();
    expect(connect).toHaveBeenCalledOnce();
  });

  test.each(OUTSIDE)('http2.connect to %s never reaches it', async (host) => {
    const connect = stubConnect();
    guard();
    const error = await nextError(http2.connect(`https://${bracketed(host)}:8443`));
    expect(error).toMatchObject({ ...REFUSED, host, port: 8443 });
    expect(connect).not.toHaveBeenCalled();
  });

  test.each(INSIDE)('http2.connect to %s reaches it', (host) => {
    const connect = stubConnect();
    guard();
    http2.connect(`http://${bracketed(host)}:9`).destroy();
    expect(connect).toHaveBeenCalledOnce();
  });

  test('fetch (undici) to a non-loopback name fails with the refusal as its cause', async () => {
    const connect = stubConnect();
    guard();
    const failure = await fetch('http://example.invalid/').catch((error: unknown) => error);
    expect(failure).toMatchObject({ name: 'TypeError', cause: { ...REFUSED, port: 80 } });
    expect(connect).not.toHaveBeenCalled();
  });

  /** The lookup the guard handed to Socket#connect in place of `lookup`. */
  function handedLookup(connect: MockInstance) {
    const [options] = connect.mock.calls[0] as [{ lookup: net.LookupFunction }];
    return options.lookup;
  }

  test('a custom lookup may not answer localhost with another address', async () => {
    const connect = stubConnect();
    guard();
    const lookup = vi.fn<net.LookupFunction>((_host, _options, callback) =>
      callback(null, [{ address: '10.0.0.1', family: 4 }]),
    );
    net.connect({ host: 'localhost', port: 80, lookup }).destroy();
    const answer = await new Promise((resolve) =>
      handedLookup(connect)('localhost', { all: true }, resolve),
    );
    expect(lookup).toHaveBeenCalledOnce();
    expect(answer).toMatchObject({
      ...REFUSED,
      message: expect.stringContaining(
        'connection to localhost:80 refused: it resolved to 10.0.0.1',
      ),
    });
  });

  test('a custom lookup answering loopback is passed on unchanged', async () => {
    const connect = stubConnect();
    guard();
    const lookup: net.LookupFunction = (_host, _options, callback) =>
      callback(null, '127.0.0.1', 4);
    net.connect({ host: 'localhost', port: 80, lookup }).destroy();
    const answer = await new Promise((resolve) =>
      handedLookup(connect)('localhost', {}, (...args: unknown[]) => resolve(args)),
    );
    expect(answer).toEqual([null, '127.0.0.1', 4]);
  });
});

describe('dns', () => {
  type Answer = (...args: unknown[]) => void;

  /** dns.lookup stubbed: it answers `address` for any name. */
  function stubLookup(address = '127.0.0.1'): MockInstance {
    return vi
      .spyOn(dns, 'lookup')
      .mockImplementation(((_host: string, _options: unknown, callback: Answer) =>
        callback(null, address, 4)) as never);
  }

  function lookupOf(host: string): Promise<unknown[]> {
    return new Promise((resolve) => dns.lookup(host, {}, (...args: unknown[]) => resolve(args)));
  }

  test.each(OUTSIDE)('dns.lookup(%s) never reaches the resolver', async (host) => {
    const lookup = stubLookup();
    guard();
    const [error] = await lookupOf(host);
    expect(error).toMatchObject({
      ...REFUSED,
      message: expect.stringContaining(`DNS lookup of ${host} refused`),
    });
    expect(lookup).not.toHaveBeenCalled();
  });

  test.each(INSIDE)('dns.lookup(%s) reaches it', async (host) => {
    const lookup = stubLookup();
    guard();
    expect(await lookupOf(host)).toEqual([null, '127.0.0.1', 4]);
    expect(lookup).toHaveBeenCalledOnce();
  });

  test('localhost answered with another address (a bent /etc/hosts) is refused', async () => {
    stubLookup('192.0.2.1');
    guard();
    const [error] = await lookupOf('localhost');
    expect(error).toMatchObject({
      ...REFUSED,
      message: expect.stringContaining('it resolved to 192.0.2.1'),
    });
  });

  test('the unspecified address passes: listen and bind resolve it, it names no destination', async () => {
    const lookup = stubLookup('0.0.0.0');
    guard();
    expect(await lookupOf('0.0.0.0')).toEqual([null, '0.0.0.0', 4]);
    expect(lookup).toHaveBeenCalledOnce();
  });

  test('`import { lookup } from "node:dns"` sees the guard, and the original again after uninstall', () => {
    const original = dns.lookup;
    guard();
    expect(namedLookup).toBe(dns.lookup);
    expect(namedLookup).not.toBe(original);
    uninstall?.();
    uninstall = undefined;
    expect(namedLookup).toBe(original);
  });

  test.each(OUTSIDE)('dns.promises.lookup(%s) never reaches the resolver', async (host) => {
    const lookup = vi
      .spyOn(dns.promises, 'lookup')
      .mockResolvedValue({ address: '127.0.0.1', family: 4 });
    guard();
    await expect(dns.promises.lookup(host)).rejects.toMatchObject(REFUSED);
    expect(lookup).not.toHaveBeenCalled();
  });

  test.each(INSIDE)('dns.promises.lookup(%s) reaches it', async (host) => {
    const lookup = vi
      .spyOn(dns.promises, 'lookup')
      .mockResolvedValue({ address: '127.0.0.1', family: 4 });
    guard();
    await expect(dns.promises.lookup(host)).resolves.toEqual({ address: '127.0.0.1', family: 4 });
    expect(lookup).toHaveBeenCalledOnce();
  });

  test('lookupService (getnameinfo) answers for loopback addresses only', async () => {
    const viaCallback = vi.spyOn(dns, 'lookupService').mockImplementation((() => {}) as never);
    const viaPromise = vi
      .spyOn(dns.promises, 'lookupService')
      .mockResolvedValue({ hostname: 'localhost', service: 'ssh' });
    guard();
    const [error] = await new Promise<unknown[]>((resolve) =>
      dns.lookupService('203.0.113.7', 22, (...args: unknown[]) => resolve(args)),
    );
    expect(error).toMatchObject({
      ...REFUSED,
      message: expect.stringContaining('DNS reverse lookup of 203.0.113.7:22 refused'),
    });
    await expect(dns.promises.lookupService('10.1.2.3', 22)).rejects.toMatchObject(REFUSED);
    expect(viaCallback).not.toHaveBeenCalled();
    expect(viaPromise).not.toHaveBeenCalled();
    await dns.promises.lookupService('127.0.0.1', 22);
    expect(viaPromise).toHaveBeenCalledOnce();
  });

  /** The default resolver's servers, as the guard reads them. */
  function servers(...list: string[]) {
    vi.spyOn(dns, 'getServers').mockReturnValue(list);
  }

  test.each(OUTSIDE)('dns.promises.resolve4(%s) never asks', async (host) => {
    servers('127.0.0.1');
    const resolve4 = vi.spyOn(dns.promises, 'resolve4').mockResolvedValue(['127.0.0.1']);
    guard();
    await expect(dns.promises.resolve4(host)).rejects.toMatchObject({
      ...REFUSED,
      message: expect.stringContaining(`DNS query (resolve4) for ${host} refused`),
    });
    expect(resolve4).not.toHaveBeenCalled();
  });

  test.each(INSIDE)('dns.promises.resolve4(%s) asks a loopback server', async (host) => {
    servers('127.0.0.1', '[::1]:5353');
    const resolve4 = vi.spyOn(dns.promises, 'resolve4').mockResolvedValue(['127.0.0.1']);
    guard();
    await expect(dns.promises.resolve4(host)).resolves.toEqual(['127.0.0.1']);
    expect(resolve4).toHaveBeenCalledOnce();
  });

  test('resolve* asks name servers even about localhost: a server off loopback is refused', async () => {
    servers('127.0.0.1', '192.0.2.53');
    const resolve4 = vi.spyOn(dns.promises, 'resolve4').mockResolvedValue(['127.0.0.1']);
    guard();
    await expect(dns.promises.resolve4('localhost')).rejects.toMatchObject({
      ...REFUSED,
      host: '192.0.2.53',
      message: expect.stringContaining(
        'DNS query (resolve4) for localhost to 192.0.2.53:53 refused',
      ),
    });
    expect(resolve4).not.toHaveBeenCalled();
  });

  test('the callback API is guarded too: resolve4, reverse, and a Resolver of its own', async () => {
    servers('127.0.0.1');
    const stubs = [
      vi.spyOn(dns, 'resolve4').mockImplementation((() => {}) as never),
      vi.spyOn(dns, 'reverse').mockImplementation((() => {}) as never),
      vi.spyOn(dns.Resolver.prototype, 'resolve4').mockImplementation((() => {}) as never),
    ];
    guard();
    const resolver = new dns.Resolver();
    resolver.setServers(['127.0.0.1']);
    const answers = await Promise.all(
      [
        (done: (...args: unknown[]) => void) => dns.resolve4('example.invalid', done),
        (done: (...args: unknown[]) => void) => dns.reverse('203.0.113.7', done),
        (done: (...args: unknown[]) => void) => resolver.resolve4('example.invalid', done),
      ].map((ask) => new Promise<unknown>((resolve) => ask((error) => resolve(error)))),
    );
    expect(answers).toEqual([
      expect.objectContaining(REFUSED),
      expect.objectContaining(REFUSED),
      expect.objectContaining(REFUSED),
    ]);
    expect(stubs.map((stub) => stub.mock.calls.length)).toEqual([0, 0, 0]);
  });

  test('a Resolver of its own is judged by its own servers', async () => {
    const resolve4 = vi.spyOn(dns.promises.Resolver.prototype, 'resolve4').mockResolvedValue([]);
    guard();
    const resolver = new dns.promises.Resolver();
    resolver.setServers(['192.0.2.53:5353']);
    await expect(resolver.resolve4('localhost')).rejects.toMatchObject({
      ...REFUSED,
      message: expect.stringContaining('for localhost to 192.0.2.53:5353 refused'),
    });
    expect(resolve4).not.toHaveBeenCalled();
    resolver.setServers(['127.0.0.1:5353']);
    await resolver.resolve4('localhost');
    expect(resolve4).toHaveBeenCalledOnce();
  });
});

describe('dgram', () => {
  const sockets: dgram.Socket[] = [];
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });
  function udpSocket(): dgram.Socket {
    const socket = dgram.createSocket('udp6');
    sockets.push(socket);
    return socket;
  }

  test.each(OUTSIDE)('send to %s:53 never reaches it', async (host) => {
    const send = stubDatagram('send');
    guard();
    const error = await new Promise((resolve) => udpSocket().send('x', 53, host, resolve));
    expect(error).toMatchObject({
      ...REFUSED,
      message: expect.stringContaining(`UDP send to ${bracketed(host)}:53 refused`),
    });
    expect(send).not.toHaveBeenCalled();
  });

  test("a refusal without a callback is the socket's error, as Node reports a failed send", async () => {
    stubDatagram('send');
    guard();
    const socket = udpSocket();
    socket.send(Buffer.from('xy'), 0, 2, 53, '203.0.113.7');
    expect(await nextError(socket)).toMatchObject({ ...REFUSED, port: 53 });
  });

  test.each(INSIDE)('send to %s reaches it', (host) => {
    const send = stubDatagram('send');
    guard();
    udpSocket().send('x', 9, host);
    expect(send).toHaveBeenCalledOnce();
  });

  test('connect is guarded like send', async () => {
    const connect = stubDatagram('connect');
    guard();
    const error = await new Promise((resolve) =>
      udpSocket().connect(53, 'example.invalid', resolve as () => void),
    );
    expect(error).toMatchObject({ ...REFUSED, host: 'example.invalid', port: 53 });
    udpSocket().connect(9, '::1');
    expect(connect).toHaveBeenCalledOnce();
  });

  test('a lookup given to createSocket may not answer localhost with another address', async () => {
    const create = vi.spyOn(dgram, 'createSocket').mockImplementation((() => {}) as never);
    guard();
    const lookup = (_host: string, _family: unknown, callback: (...a: unknown[]) => void) =>
      callback(null, '10.0.0.1', 4);
    dgram.createSocket({ type: 'udp4', lookup: lookup as never });
    const [[options]] = create.mock.calls as unknown as [[{ lookup: typeof lookup }]];
    const error = await new Promise((resolve) => options.lookup('localhost', 4, resolve));
    expect(error).toMatchObject({
      ...REFUSED,
      message: expect.stringContaining('it resolved to 10.0.0.1'),
    });
  });
});

describe('install and uninstall', () => {
  test('a second install changes nothing; uninstall puts every original back', () => {
    const connect = stubConnect();
    const { lookup } = dns;
    const { resolve4 } = dns.promises;
    const { send } = dgram.Socket.prototype;
    const first = installNetworkGuard();
    const guarded = net.Socket.prototype.connect;
    const second = installNetworkGuard();
    expect(net.Socket.prototype.connect).toBe(guarded);
    second();
    expect(isNetworkGuardInstalled()).toBe(true);
    first();
    expect(isNetworkGuardInstalled()).toBe(false);
    expect(net.Socket.prototype.connect).toBe(connect);
    expect(dns.lookup).toBe(lookup);
    expect(dns.promises.resolve4).toBe(resolve4);
    expect(dgram.Socket.prototype.send).toBe(send);
  });

  test('isNetworkGuardInstalled notices an entry point replaced under it', () => {
    guard();
    expect(isNetworkGuardInstalled()).toBe(true);
    const over = stubConnect();
    expect(isNetworkGuardInstalled()).toBe(false);
    // Off again before uninstalling, or restoring it would put the guard back.
    over.mockRestore();
  });
});

/**
 * Each lesson setup installs the guard: a fixture test run by the framework
 * with the lessons' own configuration (and so their setup file) checks it.
 */
describe.each([
  [
    'jest',
    [
      '--config',
      'jest.config.js',
      '--testMatch',
      '**/lessons/fixtures/guard-installed.jest.ts',
      '--reporters=default',
    ],
  ],
  [
    'vitest',
    ['run', '--config', 'specs/project/lessons/fixtures/guard-installed.vitest.config.ts'],
  ],
] as const)('the %s lesson setup', (framework, args) => {
  test(
    'installs the guard',
    () => {
      const { status, output } = runFrameworkSync(framework, [...args], { cwd: root });
      expect(output).toContain('the lesson setup installed the network guard');
      expect(output).toMatch(/1 passed/);
      expect(status).toBe(0);
    },
    FRAMEWORK_RUN_TEST_TIMEOUT_MS,
  );
});
