/**
 * `npm run edge`: the edge cache (nginx) in front of a running site, in the foreground.
 *
 *   EDGE_PORT=8080 ORIGIN_URL=http://127.0.0.1:3000 npm run edge
 *
 * Renders deploy/nginx/edge.conf.template into a runtime directory (`.edge/` in the repo: config,
 * cache, pid file, logs, a copy of the 503 pages, the stand-in's socket), checks it with
 * `nginx -t`, and runs nginx with `daemon off;` until SIGINT/SIGTERM, which it passes on as a
 * graceful stop. It installs nothing.
 *
 * Settings (environment):
 *   EDGE_PORT            port to listen on (default 8080)
 *   EDGE_HOST            address to listen on (default 127.0.0.1; 0.0.0.0 to serve other machines)
 *   ORIGIN_URL           the site, or several instances comma-separated
 *                        (default http://127.0.0.1:$PORT, PORT default 3000)
 *   EDGE_STALE_WINDOW    how long an unused entry is kept to stand in for a dead origin (default 24h)
 *   EDGE_CACHE_MAX_SIZE  disk the cache may use (default 1g)
 *   EDGE_REFRESH_ALLOW   addresses or CIDRs, comma-separated, besides loopback and the origins'
 *                        own addresses, that may ask for a refresh on publish (X-Edge-Refresh)
 *   REVALIDATE_SECRET    the site's revalidation secret (or, on the SQLite default, the file beside
 *                        the database): refreshes carry a token derived from it. Without one the
 *                        edge refuses every refresh, and pages update within their second only.
 *   EDGE_DIR             runtime directory (default .edge in the repo)
 *   NGINX_BIN            the nginx binary, when it is neither on PATH nor /usr/sbin/nginx
 *
 * `--print-config` prints the rendered configuration and exits (nothing is written or started).
 *
 * The functions are exported so the browser suite (__tests__/browser/edge.spec.ts) starts the same
 * configuration on a port and directory of its own.
 */
import { spawn, spawnSync, type ChildProcess, type StdioOptions } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { edgeRefreshToken } from '@/lib/cache/edge-refresh';
import { revalidationSecret } from '@/lib/cache/revalidation';
import { locales } from '@/lib/i18n/locales';
import { ERROR_PAGE_STATUSES, renderErrorPage } from '@/lib/site/error-pages';

const root = path.resolve(__dirname, '..');
export const TEMPLATE_PATH = path.join(root, 'deploy', 'nginx', 'edge.conf.template');
export const DEFAULT_RUNTIME_DIR = path.join(root, '.edge');

/** Bad settings: the message names the variable and what is wrong, and is all the user sees. */
export class EdgeInputError extends Error {
  override name = 'EdgeInputError';
}

/** One `next start` instance, as nginx's `server` directive takes it. */
export interface OriginServer {
  /** A hostname, an IPv4 address, or an IPv6 address in brackets. */
  host: string;
  port: number;
}

/** A worker user and group (nginx's `user` directive); null leaves workers as the current user. */
export interface WorkerUser {
  user: string;
  group: string;
}

export interface EdgeOptions {
  listenHost: string;
  port: number;
  origins: OriginServer[];
  runtimeDir: string;
  /** nginx time: how long an entry is kept after its last use (the stale window). */
  staleWindow: string;
  /** nginx size: the cache's disk budget. */
  cacheMaxSize: string;
  /**
   * The loopback port of the refresh hop (see the template), which stamps each page with the end
   * of its second. Default: a free port, chosen when the edge starts.
   */
  refreshPort?: number;
  workerProcesses: number | 'auto';
  /**
   * The `X-Edge-Refresh` value the site sends (lib/cache/edge-refresh.ts), or null: every refresh
   * is refused.
   */
  refreshToken: string | null;
  /** Addresses or CIDRs besides loopback that may send refreshes: the instances. */
  refreshAllow: string[];
}

export interface EdgePaths {
  config: string;
  cacheDir: string;
  tempDir: string;
  errorsDir: string;
  logDir: string;
  pidFile: string;
  accessLog: string;
  errorLog: string;
  /**
   * The unix socket of the refresh hop's stand-in, which answers for instances that rest after
   * failing (see the template's upstream): a socket rather than a port, so it needs no setting.
   */
  standinSocket: string;
}

/** Where everything of one edge lives, under its runtime directory. */
export function edgePaths(runtimeDir: string): EdgePaths {
  const dir = path.resolve(runtimeDir);
  return {
    config: path.join(dir, 'nginx.conf'),
    cacheDir: path.join(dir, 'cache'),
    tempDir: path.join(dir, 'tmp'),
    errorsDir: path.join(dir, 'errors'),
    logDir: path.join(dir, 'logs'),
    pidFile: path.join(dir, 'nginx.pid'),
    accessLog: path.join(dir, 'logs', 'access.log'),
    errorLog: path.join(dir, 'logs', 'error.log'),
    standinSocket: path.join(dir, 'standin.sock'),
  };
}

/** A TCP port from an environment variable: digits only, 1–65535. */
export function parsePort(name: string, value: string): number {
  const trimmed = value.trim();
  const port = Number(trimmed);
  if (!/^[0-9]{1,5}$/.test(trimmed) || port < 1 || port > 65535) {
    throw new EdgeInputError(`${name} must be a port number from 1 to 65535, got "${value}".`);
  }
  return port;
}

const HOSTNAME = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/**
 * ORIGIN_URL: one or more `http://host:port` separated by commas. The edge speaks plain HTTP to the
 * instances (TLS ends at the edge or the CDN), and proxies whole requests, so a path, query,
 * credentials or another scheme is a mistake worth stopping for.
 */
export function parseOrigins(value: string, name = 'ORIGIN_URL'): OriginServer[] {
  const entries = value.split(',').map((entry) => entry.trim());
  if (entries.length === 0 || entries.every((entry) => entry === '')) {
    throw new EdgeInputError(`${name} is empty; give the site's address, for example http://127.0.0.1:3000.`);
  }
  const origins: OriginServer[] = [];
  for (const entry of entries) {
    if (entry === '') throw new EdgeInputError(`${name} "${value}" has an empty entry between commas.`);
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      throw new EdgeInputError(`${name} entry "${entry}" is not a URL; expected http://host:port, for example http://127.0.0.1:3000.`);
    }
    if (url.protocol !== 'http:') {
      throw new EdgeInputError(`${name} entry "${entry}" must use http:// (the edge talks plain HTTP to the site's instances; TLS ends at the edge or the CDN).`);
    }
    if (url.username || url.password) throw new EdgeInputError(`${name} entry "${entry}" must not contain credentials.`);
    if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
      throw new EdgeInputError(`${name} entry "${entry}" must be just scheme, host and port (no path, query or fragment).`);
    }
    const host = url.hostname;
    const ipv6 = host.startsWith('[') && host.endsWith(']') && net.isIPv6(host.slice(1, -1));
    if (!ipv6 && !net.isIPv4(host) && !HOSTNAME.test(host)) {
      throw new EdgeInputError(`${name} entry "${entry}" has an invalid host "${host}".`);
    }
    const port = url.port === '' ? 80 : Number(url.port);
    if (origins.some((origin) => origin.host === host && origin.port === port)) {
      throw new EdgeInputError(`${name} lists ${host}:${port} twice.`);
    }
    origins.push({ host, port });
  }
  return origins;
}

/** EDGE_HOST: the address to bind, an IPv4 or IPv6 literal (a name could resolve to several). */
export function parseListenHost(value: string, name = 'EDGE_HOST'): string {
  const trimmed = value.trim();
  if (net.isIPv4(trimmed)) return trimmed;
  const bare = trimmed.replace(/^\[(.*)\]$/, '$1');
  if (net.isIPv6(bare)) return `[${bare}]`;
  throw new EdgeInputError(`${name} must be an IP address such as 127.0.0.1 or 0.0.0.0, got "${value}".`);
}

function parseNginxValue(name: string, value: string, pattern: RegExp, example: string): string {
  const trimmed = value.trim();
  if (!pattern.test(trimmed)) throw new EdgeInputError(`${name} must look like ${example}, got "${value}".`);
  return trimmed;
}

/**
 * EDGE_REFRESH_ALLOW: IPv4/IPv6 addresses or CIDRs, comma-separated (empty: none). nginx's `geo`
 * takes them as they are, so anything else is refused here rather than there.
 */
export function parseAllowList(value: string, name = 'EDGE_REFRESH_ALLOW'): string[] {
  const entries = value.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  for (const entry of entries) {
    const [address = '', prefix, extra] = entry.split('/');
    const family = net.isIP(address);
    const prefixOk = prefix === undefined || (/^[0-9]{1,3}$/.test(prefix) && Number(prefix) <= (family === 6 ? 128 : 32));
    if (family === 0 || !prefixOk || extra !== undefined) {
      throw new EdgeInputError(`${name} entry "${entry}" is not an IP address or CIDR (for example 10.0.0.5 or 10.0.0.0/24).`);
    }
  }
  return entries;
}

/** The options `npm run edge` runs with, from the environment; throws EdgeInputError on bad input. */
export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): EdgeOptions {
  const port = parsePort('EDGE_PORT', env.EDGE_PORT ?? '8080');
  let origins: OriginServer[];
  if (env.ORIGIN_URL !== undefined) {
    origins = parseOrigins(env.ORIGIN_URL);
  } else {
    const originPort = parsePort('PORT', env.PORT ?? '3000');
    origins = [{ host: '127.0.0.1', port: originPort }];
  }
  const listenHost = parseListenHost(env.EDGE_HOST ?? '127.0.0.1');
  for (const origin of origins) {
    const sameHost = origin.host === listenHost || (listenHost === '0.0.0.0' && /^(127\.|localhost$)/.test(origin.host));
    if (sameHost && origin.port === port) {
      throw new EdgeInputError(`EDGE_PORT ${port} is the origin's own port (${origin.host}:${origin.port}); the edge would proxy to itself.`);
    }
  }
  const runtimeDir = configPath('EDGE_DIR', path.resolve(env.EDGE_DIR ?? DEFAULT_RUNTIME_DIR));
  // Checked here too, so that a long EDGE_DIR is refused before anything is written.
  standinSocketPath(edgePaths(runtimeDir).standinSocket);
  return {
    listenHost,
    port,
    origins,
    runtimeDir,
    staleWindow: parseNginxValue('EDGE_STALE_WINDOW', env.EDGE_STALE_WINDOW ?? '24h', /^[0-9]{1,6}[smhd]$/, '24h, 90m or 7d'),
    cacheMaxSize: parseNginxValue('EDGE_CACHE_MAX_SIZE', env.EDGE_CACHE_MAX_SIZE ?? '1g', /^[0-9]{1,6}[kmg]$/i, '512m or 2g'),
    workerProcesses: 'auto',
    refreshToken: refreshTokenFromEnv(env),
    // The instances send refreshes after their writes: those with an address are allowed by default.
    refreshAllow: [...new Set([...origins.map((origin) => origin.host.replace(/^\[(.*)\]$/, '$1')).filter((host) => net.isIP(host) !== 0), ...parseAllowList(env.EDGE_REFRESH_ALLOW ?? '')])],
    ...(env.EDGE_REFRESH_PORT !== undefined ? { refreshPort: parsePort('EDGE_REFRESH_PORT', env.EDGE_REFRESH_PORT) } : {}),
  };
}

function refreshTokenFromEnv(env: NodeJS.ProcessEnv): string | null {
  try {
    const secret = revalidationSecret(env);
    return secret === null ? null : edgeRefreshToken(secret);
  } catch (error) {
    throw new EdgeInputError(error instanceof Error ? error.message : String(error));
  }
}

/**
 * Paths go into the config unquoted: refuse what nginx would read as syntax (spaces, `;`, braces,
 * quotes) or as a variable (`$`) rather than produce a config that means something else.
 */
function configPath(label: string, value: string): string {
  if (!/^[^\s;{}'"$\\#]+$/.test(value)) {
    throw new EdgeInputError(`The ${label} path "${value}" contains spaces or characters nginx cannot take unquoted; use another EDGE_DIR.`);
  }
  return value;
}

/** The placeholders edge.conf.template uses, all of which must be filled. */
export const TEMPLATE_PLACEHOLDERS = [
  'WORKER_USER',
  'WORKER_PROCESSES',
  'PID_FILE',
  'ERROR_LOG',
  'ACCESS_LOG',
  'TEMP_DIR',
  'CACHE_DIR',
  'CACHE_MAX_SIZE',
  'STALE_WINDOW',
  'UPSTREAM_SERVERS',
  'ORIGIN_HOST',
  'LISTEN',
  'ERRORS_DIR',
  'REFRESH_LISTEN',
  'REFRESH_ALLOW',
  'REFRESH_TOKEN',
  'STANDIN_SOCKET',
] as const;

export type TemplateValues = Record<(typeof TEMPLATE_PLACEHOLDERS)[number], string>;

/** The longest unix socket path Linux takes (sun_path is 108 bytes with its terminating NUL). */
const MAX_SOCKET_PATH = 107;

/**
 * One `server` line per instance. `max_fails=2 fail_timeout=0s`: an instance that fails twice
 * without a success in a later second rests for the rest of that second, then gets one request
 * again (nginx counts in whole seconds), so a dead instance is tried about once a second per edge
 * node and is back in use within about a second of answering again. The template explains why.
 */
export function upstreamServerLines(origins: readonly OriginServer[]): string {
  return origins.map((origin) => `        server ${origin.host}:${origin.port} max_fails=2 fail_timeout=0s;`).join('\n');
}

/** The values for the template, from options and the worker user (see {@link workerUserFor}). */
export function templateValues(options: EdgeOptions, workerUser: WorkerUser | null): TemplateValues {
  const paths = edgePaths(options.runtimeDir);
  const [first] = options.origins;
  if (!first) throw new EdgeInputError('At least one origin is needed.');
  return {
    WORKER_USER: workerUser ? `user ${workerUser.user} ${workerUser.group};` : '# Workers run as the user who started nginx.',
    WORKER_PROCESSES: String(options.workerProcesses),
    PID_FILE: configPath('pid file', paths.pidFile),
    ERROR_LOG: configPath('error log', paths.errorLog),
    ACCESS_LOG: configPath('access log', paths.accessLog),
    TEMP_DIR: configPath('temp', paths.tempDir),
    CACHE_DIR: configPath('cache', paths.cacheDir),
    CACHE_MAX_SIZE: options.cacheMaxSize,
    STALE_WINDOW: options.staleWindow,
    UPSTREAM_SERVERS: upstreamServerLines(options.origins),
    ORIGIN_HOST: `${first.host}:${first.port}`,
    LISTEN: `${options.listenHost}:${options.port}`,
    ERRORS_DIR: configPath('error pages', paths.errorsDir),
    REFRESH_LISTEN: `127.0.0.1:${options.refreshPort ?? options.port + 1}`,
    REFRESH_ALLOW: options.refreshAllow.map((entry) => `        ${entry} 1;`).join('\n') || '        # loopback only',
    // A hex digest: nothing nginx could read as syntax.
    REFRESH_TOKEN: options.refreshToken && /^[0-9a-f]{64}$/.test(options.refreshToken) ? `        "${options.refreshToken}" 1;` : '        # no revalidation secret: every refresh is refused',
    STANDIN_SOCKET: standinSocketPath(paths.standinSocket),
  };
}

function standinSocketPath(socket: string): string {
  if (Buffer.byteLength(socket) > MAX_SOCKET_PATH) {
    throw new EdgeInputError(`The runtime directory's path is too long for the stand-in's socket (${socket}, at most ${MAX_SOCKET_PATH} bytes); set EDGE_DIR to a shorter path.`);
  }
  return configPath('stand-in socket', socket);
}

/** Fills every `{{NAME}}` of the template; an unknown or unfilled placeholder is an error. */
export function renderConfig(template: string, values: TemplateValues): string {
  const known = new Set<string>(TEMPLATE_PLACEHOLDERS);
  const rendered = template.replace(/\{\{([A-Z_]+)\}\}/g, (match, name: string) => {
    if (!known.has(name)) throw new Error(`The edge template has an unknown placeholder ${match}.`);
    return values[name as keyof TemplateValues];
  });
  const left = /\{\{[^}]*\}\}/.exec(rendered);
  if (left) throw new Error(`The edge template still has ${left[0]} after rendering.`);
  return rendered;
}

/** The nginx binary: NGINX_BIN, else `nginx` on PATH, else Debian's /usr/sbin/nginx; null if none. */
export function findNginx(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.NGINX_BIN) return existsSync(env.NGINX_BIN) ? env.NGINX_BIN : null;
  // sbin is often missing from a non-root user's PATH, where Debian puts nginx.
  const dirs = [...(env.PATH ?? '').split(path.delimiter).filter(Boolean), '/usr/sbin', '/usr/local/sbin', '/sbin'];
  for (const dir of dirs) {
    const candidate = path.join(dir, 'nginx');
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not there; try the next directory
    }
  }
  return null;
}

export const NGINX_MISSING_MESSAGE =
  'nginx is not installed (looked on PATH and in /usr/sbin). Install Debian\'s package, for example\n' +
  '  apt-get install nginx\n' +
  'or set NGINX_BIN to the nginx binary.';

/**
 * Whether everyone may pass through every directory from / down to `dir`. Parts that do not exist
 * yet count as passable: startEdge creates them 0755.
 */
function traversableByOthers(dir: string): boolean {
  let current = path.resolve(dir);
  while (!existsSync(current) && path.dirname(current) !== current) current = path.dirname(current);
  for (;;) {
    try {
      if ((statSync(current).mode & 0o001) === 0) return false;
    } catch {
      return false;
    }
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

function groupExists(name: string): boolean {
  try {
    return readFileSync('/etc/group', 'utf8').split('\n').some((line) => line.startsWith(`${name}:`));
  } catch {
    return false;
  }
}

function userExists(name: string): boolean {
  try {
    return readFileSync('/etc/passwd', 'utf8').split('\n').some((line) => line.startsWith(`${name}:`));
  } catch {
    return false;
  }
}

/**
 * The worker user. Not root: none (nginx cannot switch users; workers run as us). Root: the
 * workers drop to `nobody` (nginx's own default, with Debian's group name), which then must reach
 * the runtime directory (the master hands it the cache and temp directories); if a parent directory
 * shuts others out, the workers stay root, and `note` says why, instead of answering every cache
 * hit with a fast 403.
 */
export function workerUserFor(runtimeDir: string): { workerUser: WorkerUser | null; note?: string } {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return { workerUser: null };
  const group = groupExists('nogroup') ? 'nogroup' : groupExists('nobody') ? 'nobody' : null;
  if (!userExists('nobody') || group === null) {
    return { workerUser: { user: 'root', group: 'root' }, note: 'no "nobody" user or group here; nginx workers run as root' };
  }
  if (!traversableByOthers(runtimeDir)) {
    return {
      workerUser: { user: 'root', group: 'root' },
      note: `a directory above ${runtimeDir} is closed to other users; nginx workers run as root (set EDGE_DIR elsewhere to avoid that)`,
    };
  }
  return { workerUser: { user: 'nobody', group } };
}

/** `nginx -v` as [major, minor, patch]; `-e` (error log at startup) needs 1.19.5. */
function nginxVersion(nginx: string): [number, number, number] | null {
  const result = spawnSync(nginx, ['-v'], { encoding: 'utf8' });
  const match = /nginx\/(\d+)\.(\d+)\.(\d+)/.exec(`${result.stderr}${result.stdout}`);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : null;
}

function nginxArgs(nginx: string, paths: EdgePaths, runtimeDir: string): string[] {
  const version = nginxVersion(nginx);
  const hasErrorLogFlag = version !== null && (version[0] > 1 || (version[0] === 1 && (version[1] > 19 || (version[1] === 19 && version[2] >= 5))));
  // -p: relative paths and the prefix stay ours; -e: startup errors go to our log, not /var/log/nginx.
  return ['-p', `${runtimeDir}/`, '-c', paths.config, ...(hasErrorLogFlag ? ['-e', paths.errorLog] : [])];
}

function tail(file: string, lines = 15): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/** The PID in an nginx pid file if that process is alive (`nginx -t` leaves an empty file). */
function runningPid(pidFile: string): number | null {
  try {
    const pid = Number(readFileSync(pidFile, 'utf8').trim());
    if (!Number.isInteger(pid) || pid <= 0) return null;
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

/** True when host:port cannot be bound because something listens there already. */
/** A TCP port nothing listens on at 127.0.0.1 right now. */
function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function portInUse(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'EADDRINUSE'));
    probe.listen({ host: host.replace(/^\[(.*)\]$/, '$1'), port, exclusive: true }, () => probe.close(() => resolve(false)));
  });
}

function canConnect(host: string, port: number): Promise<boolean> {
  return accepts({ host: host.replace(/^\[(.*)\]$/, '$1'), port });
}

/** Whether something accepts connections on the unix socket at `file`. */
function socketAccepts(file: string): Promise<boolean> {
  return accepts({ path: file });
}

/** Whether a connection to `target` (a TCP host and port, or a unix socket) opens within 1 s. */
function accepts(target: net.NetConnectOpts): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(target);
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * nginx removes the stand-in's socket when it stops, but an nginx killed with SIGKILL leaves it
 * behind, and the next start would fail to bind it. A socket nobody listens on is removed; one
 * that still accepts belongs to an edge running from the same directory, which is refused.
 */
async function clearLeftoverSocket(file: string, runtimeDir: string): Promise<void> {
  let isSocket = false;
  try {
    isSocket = lstatSync(file).isSocket();
  } catch {
    return; // none there
  }
  if (!isSocket) throw new EdgeInputError(`${file} is in the way of the edge's stand-in socket; remove it or set EDGE_DIR to another directory.`);
  if (await socketAccepts(file)) {
    throw new EdgeInputError(`Another edge is running from ${runtimeDir} (its socket ${file} answers); stop it, or set EDGE_DIR to another directory.`);
  }
  rmSync(file, { force: true });
}

/** Where a client reaches the edge (0.0.0.0 and :: are reached on loopback). */
export function edgeUrl(options: EdgeOptions): string {
  const host = options.listenHost === '0.0.0.0' ? '127.0.0.1' : options.listenHost === '[::]' ? '[::1]' : options.listenHost;
  return `http://${host}:${options.port}`;
}

// ---- Error pages --------------------------------------------------------------------------------

/**
 * The edge's own pages, by file name (`404.nl.html`, …): lib/site/error-pages.ts renders them, the
 * same pages the origin's proxy answers with while the database is down.
 */
export function renderErrorPages(): Map<string, string> {
  const pages = new Map<string, string>();
  for (const locale of locales) {
    for (const status of ERROR_PAGE_STATUSES) pages.set(`${status}.${locale}.html`, renderErrorPage(status, locale));
  }
  return pages;
}

/** Writes {@link renderErrorPages} into `dir`, readable by nginx's workers. */
export function writeErrorPages(dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const [file, html] of renderErrorPages()) {
    writeFileSync(path.join(dir, file), html);
    chmodSync(path.join(dir, file), 0o644);
  }
}

export interface RunningEdge {
  pid: number;
  url: string;
  paths: EdgePaths;
  workerUser: WorkerUser | null;
  notes: string[];
  /** Resolves with nginx's exit code (or null when a signal ended it). */
  exited: Promise<number | null>;
  /** Graceful stop (SIGQUIT), then SIGTERM, then SIGKILL; resolves once nginx has exited. */
  stop(): Promise<void>;
}

export interface StartOptions {
  nginx: string;
  /** nginx's stdout/stderr: inherited by the CLI; tests ignore them (the error log has it all). */
  stdio?: StdioOptions;
  /** How long to wait for the port to answer. */
  readyTimeoutMs?: number;
}

/**
 * Writes the runtime directory (config, error pages, cache/temp/log directories), checks the config
 * with `nginx -t`, starts nginx in the foreground and resolves once it accepts connections.
 * The cache directory is kept across starts: stale copies survive a restart of the edge.
 */
export async function startEdge(options: EdgeOptions, start: StartOptions): Promise<RunningEdge> {
  const runtimeDir = path.resolve(options.runtimeDir);
  const paths = edgePaths(runtimeDir);
  // Before anything is written: a running edge in the same directory keeps its config and pid file.
  if (await portInUse(options.listenHost, options.port)) {
    const pidNote = runningPid(paths.pidFile) !== null ? ` An edge from an earlier start is still running there; stop it with: kill -QUIT $(cat ${paths.pidFile})` : '';
    throw new EdgeInputError(`EDGE_PORT ${options.port} is already in use on ${options.listenHost}; choose another port.${pidNote}`);
  }
  if (options.refreshPort !== undefined && (await portInUse('127.0.0.1', options.refreshPort))) {
    throw new EdgeInputError(`EDGE_REFRESH_PORT ${options.refreshPort} is already in use on 127.0.0.1; choose another port.`);
  }
  options = { ...options, refreshPort: options.refreshPort ?? (await freeLoopbackPort()) };
  await clearLeftoverSocket(paths.standinSocket, runtimeDir);
  for (const dir of [runtimeDir, paths.cacheDir, paths.tempDir, paths.errorsDir, paths.logDir]) {
    mkdirSync(dir, { recursive: true });
    // nginx workers (nobody, when we are root) must reach the cache and the error pages; a
    // mkdtemp directory is 0700.
    chmodSync(dir, 0o755);
  }
  writeErrorPages(paths.errorsDir);
  const { workerUser, note } = workerUserFor(runtimeDir);
  const config = renderConfig(readFileSync(TEMPLATE_PATH, 'utf8'), templateValues(options, workerUser));
  writeFileSync(paths.config, config);

  const args = nginxArgs(start.nginx, paths, runtimeDir);
  const check = spawnSync(start.nginx, [...args, '-t', '-q'], { encoding: 'utf8' });
  if (check.status !== 0) {
    throw new Error(`nginx rejected the configuration ${paths.config}:\n${`${check.stderr}${check.stdout}`.trim()}`);
  }
  const child: ChildProcess = spawn(start.nginx, [...args, '-g', 'daemon off;'], { stdio: start.stdio ?? 'ignore' });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`Could not start ${start.nginx}.`);
  const exited = new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
  let hasExited = false;
  void exited.then(() => {
    hasExited = true;
  });

  const deadline = Date.now() + (start.readyTimeoutMs ?? 10_000);
  for (;;) {
    if (hasExited) throw new Error(`nginx exited during startup. ${paths.errorLog}:\n${tail(paths.errorLog)}`);
    if (await canConnect(options.listenHost, options.port)) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`nginx did not listen on ${options.listenHost}:${options.port} within ${start.readyTimeoutMs ?? 10_000} ms. ${paths.errorLog}:\n${tail(paths.errorLog)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  const stop = async (): Promise<void> => {
    const steps: Array<[NodeJS.Signals, number]> = [
      ['SIGQUIT', 5000],
      ['SIGTERM', 3000],
      ['SIGKILL', 2000],
    ];
    for (const [signal, wait] of steps) {
      if (hasExited) return;
      try {
        process.kill(pid, signal);
      } catch {
        return; // already gone
      }
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, wait))]);
    }
  };

  return { pid, url: edgeUrl(options), paths, workerUser, notes: note ? [note] : [], exited, stop };
}

async function main(): Promise<void> {
  let options: EdgeOptions;
  try {
    options = optionsFromEnv(process.env);
  } catch (error) {
    if (error instanceof EdgeInputError) {
      console.error(`edge: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const pagesFlag = process.argv.indexOf('--write-error-pages');
  if (pagesFlag !== -1) {
    // For an nginx run by other means: the pages its `{{ERRORS_DIR}}` must hold.
    const dir = process.argv[pagesFlag + 1];
    if (!dir) {
      console.error('edge: --write-error-pages needs a directory.');
      process.exit(1);
    }
    writeErrorPages(path.resolve(dir));
    console.log(`edge: wrote ${[...renderErrorPages().keys()].join(', ')} to ${path.resolve(dir)}`);
    return;
  }
  if (process.argv.includes('--print-config')) {
    // For review, or for an nginx managed by other means: the config this start would write.
    const { workerUser } = workerUserFor(options.runtimeDir);
    process.stdout.write(renderConfig(readFileSync(TEMPLATE_PATH, 'utf8'), templateValues(options, workerUser)));
    return;
  }
  const nginx = findNginx();
  if (!nginx) {
    const named = process.env.NGINX_BIN ? `NGINX_BIN=${process.env.NGINX_BIN} does not exist. ` : '';
    console.error(`edge: ${named}${NGINX_MISSING_MESSAGE}`);
    process.exit(1);
  }

  // Not fatal: the edge answers with its 503 page (and any stale copies) until the site is up.
  for (const origin of options.origins) {
    if (!(await canConnect(origin.host, origin.port))) {
      console.warn(`edge: nothing answers at http://${origin.host}:${origin.port} yet; start the site (npm start) there.`);
    }
  }

  let edge: RunningEdge;
  try {
    edge = await startEdge(options, { nginx, stdio: 'inherit' });
  } catch (error) {
    console.error(`edge: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }

  const origins = options.origins.map((origin) => `http://${origin.host}:${origin.port}`).join(', ');
  console.log(`edge: listening on ${edge.url} (nginx pid ${edge.pid}), in front of ${origins}`);
  console.log(`edge: runtime dir ${options.runtimeDir} (logs in ${edge.paths.logDir})`);
  for (const note of edge.notes) console.log(`edge: ${note}`);

  let stopping = false;
  const stop = (reason: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`edge: ${reason}, stopping nginx`);
    void edge.stop();
  };
  // SIGHUP too: `kill` of the `npm run edge` process reaches this one as a hang-up, whose default
  // action would end it at once and leave nginx running on its own.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => stop(signal));
  // And when whatever started this process is gone (npm, tsx), nginx must not outlive it.
  const parent = process.ppid;
  const watch = setInterval(() => {
    if (process.ppid !== parent) stop('the process that started the edge is gone');
  }, 1000);
  watch.unref();
  process.on('exit', () => {
    if (!stopping) {
      try {
        process.kill(edge.pid, 'SIGQUIT');
      } catch {
        // Already gone.
      }
    }
  });
  const code = await edge.exited;
  process.exit(stopping ? 0 : (code ?? 1));
}

if (require.main === module) void main();
