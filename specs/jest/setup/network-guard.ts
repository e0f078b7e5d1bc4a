/**
 * The lessons' network guard: a lesson may reach loopback only. IP literals in
 * 127.0.0.0/8, `::1` (and IPv4-mapped loopback, `::ffff:127.x.y.z`: the same
 * address written for an IPv6 socket, which the kernel delivers to 127.x.y.z)
 * and the name `localhost` pass; anything else is refused before any lookup,
 * with a `NetworkGuardError` (code `ERR_TEST_DOJO_NETWORK`) naming host and port.
 *
 * nock's `disableNetConnect` only sees http, https and fetch; this guard sits
 * where every TCP connection, UDP datagram and DNS question starts in Node:
 * - `net.Socket.prototype.connect`: `net.connect` calls it on a new Socket;
 *   `tls.connect` calls it on a TLSSocket (a net.Socket without its own
 *   `connect`); `http2.connect`, the http(s) agents and fetch (undici) all
 *   connect through `net.connect` / `tls.connect`. Unix socket paths pass.
 * - Node skips the lookup for an IP literal and otherwise calls
 *   `options.lookup || dns.lookup` (read at call time): a custom `lookup`
 *   option is wrapped so that `localhost` cannot be answered with another address.
 * - `dns`: `lookup`, `lookupService`, every `resolve*` and `reverse`, in the
 *   callback and promises APIs. The module functions are bound to the default
 *   resolver when `dns` loads, so they and `Resolver.prototype` are both guarded.
 *   `resolve*`/`reverse` ask the configured name servers even about localhost,
 *   so they also need every server to be on loopback.
 * - `dgram`: `Socket.prototype.send` and `connect`, and a custom `lookup` given
 *   to `createSocket` (the only documented way to make a socket).
 * Not covered: worker threads and child processes (their own copies of these
 * modules), and a function copied out of `dns` before the guard was installed.
 *
 * Jest hands every test file the process's own core modules (jest-runtime's
 * CoreModuleProvider calls `require`), and Vitest loads them natively, so one
 * install guards a whole worker; a second install is a no-op. Nothing here
 * depends on a test framework: both lesson setups and the workshop load it.
 */
import dgram from 'node:dgram';
import dns from 'node:dns';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';

export const NETWORK_GUARD_CODE = 'ERR_TEST_DOJO_NETWORK';

const ALLOWED = 'lessons may only reach loopback (127.0.0.0/8, ::1, localhost)';

/** A refused connection, datagram or DNS question. */
export class NetworkGuardError extends Error {
  override readonly name = 'NetworkGuardError';
  readonly code = NETWORK_GUARD_CODE;
  /** A port given as digits (http2 passes the URL's) reads as a number. */
  readonly port: unknown;

  /** `what` reads before the target: "connection to", "DNS lookup of", ... */
  constructor(
    what: string,
    readonly host: string,
    port?: unknown,
    why = '',
  ) {
    super(`test-dojo: ${what} ${authority(host, port)} refused: ${why}${ALLOWED}`);
    this.port = typeof port === 'string' && /^\d+$/.test(port) ? Number(port) : port;
  }
}

function authority(host: string, port: unknown): string {
  if (port === undefined) return host;
  return `${net.isIPv6(host) ? `[${host}]` : host}:${String(port)}`;
}

// Node's own address matcher; it also matches IPv4-mapped IPv6 against IPv4 rules.
const LOOPBACK = new net.BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

// `listen(port, '0.0.0.0')` and dgram's implicit bind resolve the unspecified
// address through dns.lookup; it names no destination, so that lookup passes.
const UNSPECIFIED = new net.BlockList();
UNSPECIFIED.addAddress('0.0.0.0', 'ipv4');
UNSPECIFIED.addAddress('::', 'ipv6');

function inList(list: net.BlockList, address: string): boolean {
  const family = net.isIP(address);
  return family !== 0 && list.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** An IP literal in 127.0.0.0/8, `::1` or IPv4-mapped loopback, or the name `localhost`. */
export function isLoopbackHost(host: string): boolean {
  return inList(LOOPBACK, host) || host.toLowerCase() === 'localhost';
}

/**
 * For nock's `enableNetConnect`, which tests `hostname:port` (lower-cased,
 * IPv6 sometimes in brackets). nock always appends the port, so cutting at the
 * last colon is exact; the old anchored regex needed care for `127.0.0.1.example.com`.
 */
export function isLoopbackAuthority(hostPort: string): boolean {
  const colon = hostPort.lastIndexOf(':');
  const host = colon === -1 ? hostPort : hostPort.slice(0, colon);
  return isLoopbackHost(host.replace(/^\[(.*)\]$/, '$1'));
}

type AnyFunction = (this: unknown, ...args: unknown[]) => unknown;
type Callback = (...args: unknown[]) => void;

interface Patch {
  readonly target: object;
  readonly key: string;
  readonly original: AnyFunction;
  readonly guard: AnyFunction;
}

function patch(target: object, key: string, wrap: (original: AnyFunction) => AnyFunction): Patch {
  const original = Reflect.get(target, key) as AnyFunction;
  return { target, key, original, guard: wrap(original) };
}

function lastCallback(args: readonly unknown[]): Callback | undefined {
  const last = args.at(-1);
  return typeof last === 'function' ? (last as Callback) : undefined;
}

/** The addresses in a lookup answer: one address, `{ address }`, or a list of them (`all: true`). */
function answered(answer: unknown): unknown[] {
  const list = Array.isArray(answer) ? answer : [answer];
  return list.map((entry) =>
    typeof entry === 'object' && entry !== null ? Reflect.get(entry, 'address') : entry,
  );
}

function outside(answer: unknown): string | undefined {
  const found = answered(answer).find((a) => typeof a !== 'string' || !inList(LOOPBACK, a));
  return found === undefined ? undefined : String(found);
}

/**
 * A lookup function whose answers for a name must be loopback (a custom
 * `lookup` option, or /etc/hosts, could send `localhost` elsewhere). A
 * question that is an IP literal is the caller's to judge, and passes.
 */
function checkedLookup(lookup: AnyFunction, refuse: (host: string, to: string) => Error) {
  return function guardedLookup(this: unknown, host: unknown, options: unknown, callback: unknown) {
    if (typeof host !== 'string' || net.isIP(host) !== 0 || typeof callback !== 'function') {
      return lookup.call(this, host, options, callback);
    }
    return lookup.call(this, host, options, (err: unknown, address: unknown, family: unknown) => {
      const to = err ? undefined : outside(address);
      if (to === undefined) callback(err, address, family);
      else callback(refuse(host, to));
    });
  };
}

// --- net / tls / http2 / fetch -------------------------------------------

/**
 * Socket#connect's options and callback, read as Node's normalizeArgs reads
 * them (lib/net.js): `net.connect` passes its already normalized
 * `[options, cb]`; otherwise `(options[, cb])`, `(path[, cb])` for a string
 * that is not a number, or `(port[, host][, cb])`.
 */
function connectArgs(args: readonly unknown[]): {
  options: Record<string, unknown>;
  callback: Callback | undefined;
} {
  const [first] = args;
  if (Array.isArray(first)) {
    const [options, callback] = first as unknown[];
    return {
      options: (options ?? {}) as Record<string, unknown>,
      callback: lastCallback([callback]),
    };
  }
  const callback = lastCallback(args);
  if (typeof first === 'object' && first !== null) {
    return { options: first as Record<string, unknown>, callback };
  }
  if (typeof first === 'string' && !(Number(first) >= 0))
    return { options: { path: first }, callback };
  return {
    options: { port: first, host: typeof args[1] === 'string' ? args[1] : undefined },
    callback,
  };
}

function guardConnect(original: AnyFunction): AnyFunction {
  return function guardedConnect(this: unknown, ...args: unknown[]) {
    const socket = this as net.Socket;
    const { options, callback } = connectArgs(args);
    if (options.path) return original.apply(socket, args);
    // As lib/net.js: no host means localhost.
    const host = String(options.host || 'localhost');
    const { port, lookup } = options;
    if (!isLoopbackHost(host)) {
      // The path a failed DNS lookup takes in Node: 'error' on the next tick.
      const error = new NetworkGuardError('connection to', host, port);
      process.nextTick(() => socket.destroy(error));
      return socket;
    }
    if (typeof lookup !== 'function') return original.apply(socket, args);
    const checked = checkedLookup(
      lookup as AnyFunction,
      (name, to) => new NetworkGuardError('connection to', name, port, `it resolved to ${to}; `),
    );
    const rest = callback ? [callback] : [];
    return original.call(socket, { ...options, lookup: checked }, ...rest);
  };
}

// --- dns ------------------------------------------------------------------

function guardLookup(original: AnyFunction): AnyFunction {
  return function guardedLookup(this: unknown, host: unknown, ...rest: unknown[]) {
    const callback = lastCallback(rest);
    // Node validates its arguments and answers '' itself; leave that to it.
    if (typeof host !== 'string' || host === '' || !callback)
      return original.call(this, host, ...rest);
    if (inList(LOOPBACK, host) || inList(UNSPECIFIED, host))
      return original.call(this, host, ...rest);
    if (!isLoopbackHost(host)) {
      process.nextTick(callback, new NetworkGuardError('DNS lookup of', host));
      return {};
    }
    const checked = checkedLookup(original, lookupAnswerError);
    return checked.call(this, host, rest.length > 1 ? rest[0] : undefined, callback);
  };
}

function lookupAnswerError(host: string, to: string): NetworkGuardError {
  return new NetworkGuardError('DNS lookup of', host, undefined, `it resolved to ${to}; `);
}

function guardPromiseLookup(original: AnyFunction): AnyFunction {
  return async function guardedLookup(this: unknown, host: unknown, ...rest: unknown[]) {
    if (typeof host !== 'string' || host === '' || inList(UNSPECIFIED, host)) {
      return original.call(this, host, ...rest);
    }
    if (!isLoopbackHost(host)) throw new NetworkGuardError('DNS lookup of', host);
    const answer = await original.call(this, host, ...rest);
    const to = net.isIP(host) === 0 ? outside(answer) : undefined;
    if (to !== undefined) throw lookupAnswerError(host, to);
    return answer;
  };
}

/** lookupService(address, port): getnameinfo on a loopback address only. */
function lookupServiceRefusal(address: unknown, port: unknown): NetworkGuardError | undefined {
  if (typeof address !== 'string' || inList(LOOPBACK, address)) return undefined;
  return new NetworkGuardError('DNS reverse lookup of', address, port);
}

function guardLookupService(original: AnyFunction): AnyFunction {
  return function guardedLookupService(
    this: unknown,
    address: unknown,
    port: unknown,
    ...rest: unknown[]
  ) {
    const refusal = lookupServiceRefusal(address, port);
    const callback = lastCallback(rest);
    if (!refusal || !callback) return original.call(this, address, port, ...rest);
    process.nextTick(callback, refusal);
    return {};
  };
}

function guardPromiseLookupService(original: AnyFunction): AnyFunction {
  return async function guardedLookupService(this: unknown, address: unknown, port: unknown) {
    const refusal = lookupServiceRefusal(address, port);
    if (refusal) throw refusal;
    return original.call(this, address, port);
  };
}

/** A DNS server as `getServers()` lists it: `1.2.3.4`, `1.2.3.4:53`, `::1` or `[::1]:53`. */
function serverAddress(server: string): { host: string; port: string } {
  const bracketed = /^\[(.+)\]:(\d+)$/.exec(server);
  if (bracketed?.[1] && bracketed[2]) return { host: bracketed[1], port: bracketed[2] };
  if (net.isIP(server)) return { host: server, port: '53' };
  const colon = server.lastIndexOf(':');
  return { host: server.slice(0, colon), port: server.slice(colon + 1) };
}

/** Why a resolve or reverse query may not go out: a name off loopback, or a server off loopback. */
function queryRefusal(method: string, name: unknown, servers: readonly string[]) {
  if (typeof name !== 'string') return undefined;
  if (!isLoopbackHost(name)) return new NetworkGuardError(`DNS query (${method}) for`, name);
  for (const server of servers) {
    const { host, port } = serverAddress(server);
    if (!inList(LOOPBACK, host)) {
      return new NetworkGuardError(`DNS query (${method}) for ${name} to`, host, port);
    }
  }
  return undefined;
}

/** Where a resolver method's query goes: its own servers, or the default resolver's. */
type Servers = (self: unknown) => readonly string[];

const ownServers: Servers = (self) => (self as dns.Resolver).getServers();
const defaultServers: Servers = () => dns.getServers();

function guardQuery(method: string, servers: Servers) {
  return (original: AnyFunction): AnyFunction =>
    function guardedQuery(this: unknown, name: unknown, ...rest: unknown[]) {
      const refusal = queryRefusal(method, name, servers(this));
      const callback = lastCallback(rest);
      if (!refusal || !callback) return original.call(this, name, ...rest);
      process.nextTick(callback, refusal);
      return {};
    };
}

function guardPromiseQuery(method: string, servers: Servers) {
  return (original: AnyFunction): AnyFunction =>
    async function guardedQuery(this: unknown, name: unknown, ...rest: unknown[]) {
      const refusal = queryRefusal(method, name, servers(this));
      if (refusal) throw refusal;
      return original.call(this, name, ...rest);
    };
}

const isQuery = (key: string) => key.startsWith('resolve') || key === 'reverse';

function dnsPatches(): Patch[] {
  const promises = dns.promises;
  const queries = (target: object, wrap: (method: string) => (f: AnyFunction) => AnyFunction) =>
    Object.keys(target)
      .filter(isQuery)
      .map((key) => patch(target, key, wrap(key)));
  const prototypeQueries = (target: object, wrap: typeof guardQuery) =>
    Object.getOwnPropertyNames(target)
      .filter(isQuery)
      .map((key) => patch(target, key, wrap(key, ownServers)));
  return [
    patch(dns, 'lookup', guardLookup),
    patch(dns, 'lookupService', guardLookupService),
    patch(promises, 'lookup', guardPromiseLookup),
    patch(promises, 'lookupService', guardPromiseLookupService),
    ...queries(dns, (method) => guardQuery(method, defaultServers)),
    ...queries(promises, (method) => guardPromiseQuery(method, defaultServers)),
    ...prototypeQueries(dns.Resolver.prototype, guardQuery),
    ...prototypeQueries(promises.Resolver.prototype, guardPromiseQuery),
  ];
}

// --- dgram ----------------------------------------------------------------

/** Refuse on the next tick, to the callback if there is one, else as 'error' (Node's way). */
function refuseDatagram(socket: dgram.Socket, callback: Callback | undefined, error: Error) {
  process.nextTick(() => (callback ? callback(error) : socket.emit('error', error)));
}

function guardSend(original: AnyFunction): AnyFunction {
  return function guardedSend(this: unknown, ...args: unknown[]) {
    // As lib/dgram.js reads them: (msg, offset, length, port, address[, cb])
    // or (msg, port[, address][, cb]); no address means loopback, and a
    // connected socket sends only to the peer its `connect` was allowed.
    const [, offset, length, port, address] = args;
    const long = Boolean(address) || (Boolean(port) && typeof port !== 'function');
    const host = long ? address : length;
    if (typeof host !== 'string' || host === '' || isLoopbackHost(host)) {
      return original.apply(this, args);
    }
    const error = new NetworkGuardError('UDP send to', host, long ? port : offset);
    refuseDatagram(this as dgram.Socket, lastCallback(args), error);
    return undefined;
  };
}

function guardDatagramConnect(original: AnyFunction): AnyFunction {
  return function guardedConnect(
    this: unknown,
    port: unknown,
    address: unknown,
    ...rest: unknown[]
  ) {
    if (typeof address !== 'string' || address === '' || isLoopbackHost(address)) {
      return original.call(this, port, address, ...rest);
    }
    const error = new NetworkGuardError('UDP connection to', address, port);
    refuseDatagram(this as dgram.Socket, lastCallback(rest), error);
    return undefined;
  };
}

function guardCreateSocket(original: AnyFunction): AnyFunction {
  return function guardedCreateSocket(this: unknown, type: unknown, ...rest: unknown[]) {
    const lookup = typeof type === 'object' && type !== null && Reflect.get(type, 'lookup');
    if (typeof lookup !== 'function') return original.call(this, type, ...rest);
    const checked = checkedLookup(
      lookup as AnyFunction,
      (host, to) =>
        new NetworkGuardError('UDP destination', host, undefined, `it resolved to ${to}; `),
    );
    return original.call(this, { ...(type as object), lookup: checked }, ...rest);
  };
}

// --- install --------------------------------------------------------------

// Kept on the shared `net` module, so a second install (another Jest test
// file's module registry, the workshop's runner) finds the first.
const INSTALLED = Symbol.for('test-dojo.network-guard');

function installed(): readonly Patch[] | undefined {
  return Reflect.get(net, INSTALLED) as readonly Patch[] | undefined;
}

/** Whether every entry point is the guard right now (the lesson setups' own check). */
export function isNetworkGuardInstalled(): boolean {
  const patches = installed();
  return patches?.every((p) => Reflect.get(p.target, p.key) === p.guard) ?? false;
}

/**
 * Guard this process's network; returns the uninstaller. Installing again
 * while installed changes nothing and returns an uninstaller that does
 * nothing: the first install owns the guard.
 */
export function installNetworkGuard(): () => void {
  if (installed()) return () => {};
  const patches = [
    patch(net.Socket.prototype, 'connect', guardConnect),
    ...dnsPatches(),
    patch(dgram.Socket.prototype, 'send', guardSend),
    patch(dgram.Socket.prototype, 'connect', guardDatagramConnect),
    patch(dgram, 'createSocket', guardCreateSocket),
  ];
  for (const p of patches) Reflect.set(p.target, p.key, p.guard);
  Reflect.defineProperty(net, INSTALLED, { value: patches, configurable: true });
  // `import { lookup } from 'node:dns'` sees a patched export only after this
  // (a no-op under Jest, whose CommonJS modules read the module object itself).
  syncBuiltinESMExports();
  return () => {
    if (installed() !== patches) return;
    for (const p of patches) Reflect.set(p.target, p.key, p.original);
    Reflect.deleteProperty(net, INSTALLED);
    syncBuiltinESMExports();
  };
}
