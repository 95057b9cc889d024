/**
 * The baseline for the edge: a plain nginx that serves one file (the article's exact bytes) with
 * `sendfile on`, in a directory of its own (config, pid file, temp dirs, logs) on a free loopback
 * port. It runs as `user root;` (when started as root) and its files are world-readable: an nginx
 * whose workers cannot read the file answers a fast 403, which would look like the fastest server
 * of all (shared/NOTES.md), so the caller checks the status and bytes before loading it.
 *
 * It logs every request to a file with the same `buffer=64k flush=1s` the edge uses, so the two
 * pay the same for their access logs; everything else is nginx's defaults for static files.
 *
 * `tcpNopush` picks TCP_CORK. The edge runs without it (deploy/nginx/edge.conf.template): with it,
 * nginx holds the last segment of a cached gzip page on a keep-alive connection until the
 * client's delayed ACK, about 44 ms an answer (measured: 22 answers a second on one connection,
 * against 3,400 without). A static file does not stall that way, so Debian's default (`on`) is
 * measured too, but the like-for-like baseline is the edge's own TCP settings.
 * Stopped by PID (SIGQUIT, then SIGTERM, then SIGKILL), like the edge.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { freePort, waitForHttp } from './server';

export interface StaticNginx {
  pid: number;
  url: string;
  accessLog: string;
  stop(): Promise<void>;
}

export async function startStaticNginx(nginx: string, dir: string, body: Buffer, options: { tcpNopush: boolean }): Promise<StaticNginx> {
  rmSync(dir, { recursive: true, force: true });
  for (const sub of ['', 'www', 'tmp', 'logs']) {
    mkdirSync(path.join(dir, sub), { recursive: true });
    chmodSync(path.join(dir, sub), 0o755);
  }
  const file = path.join(dir, 'www', 'article.html');
  writeFileSync(file, body);
  chmodSync(file, 0o644);
  const port = await freePort();
  const paths = { pid: path.join(dir, 'nginx.pid'), errorLog: path.join(dir, 'logs', 'error.log'), accessLog: path.join(dir, 'logs', 'access.log'), temp: path.join(dir, 'tmp') };
  const runningAsRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const config = [
    '# Written by bench/static-nginx.ts: the static-file baseline for the edge phase.',
    runningAsRoot ? 'user root root;' : '# Not root: workers run as the current user.',
    'worker_processes auto;',
    `pid ${paths.pid};`,
    `error_log ${paths.errorLog} warn;`,
    'events { worker_connections 4096; }',
    'http {',
    '    types { text/html html; }',
    '    default_type application/octet-stream;',
    `    access_log ${paths.accessLog} combined buffer=64k flush=1s;`,
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `    ${kind}_temp_path ${paths.temp}/${kind};`),
    '    sendfile on;',
    `    tcp_nopush ${options.tcpNopush ? 'on' : 'off'};`,
    '    tcp_nodelay on;',
    '    keepalive_timeout 65s;',
    '    keepalive_requests 10000;',
    '    server_tokens off;',
    '    server {',
    `        listen 127.0.0.1:${port};`,
    `        root ${path.join(dir, 'www')};`,
    '        location = / { try_files /article.html =404; }',
    '    }',
    '}',
    '',
  ].join('\n');
  const configFile = path.join(dir, 'nginx.conf');
  writeFileSync(configFile, config);
  const child = spawn(nginx, ['-p', `${dir}/`, '-c', configFile, '-e', paths.errorLog, '-g', 'daemon off;'], { stdio: 'ignore' });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${nginx}`);
  let exited = false;
  const exit = new Promise<void>((resolve) => {
    child.once('exit', () => {
      exited = true;
      resolve();
    });
  });
  const stop = async () => {
    for (const [signal, waitMs] of [['SIGQUIT', 5000], ['SIGTERM', 3000], ['SIGKILL', 2000]] as const) {
      if (exited) return;
      try {
        process.kill(pid, signal);
      } catch {
        return;
      }
      await Promise.race([exit, new Promise((resolve) => setTimeout(resolve, waitMs))]);
    }
  };
  const url = `http://127.0.0.1:${port}/`;
  try {
    await waitForHttp(url, 10_000, child);
  } catch (error) {
    await stop();
    let log = '';
    try {
      log = readFileSync(paths.errorLog, 'utf8').slice(-2000);
    } catch {
      // no log yet
    }
    throw new Error(`static nginx did not start: ${error instanceof Error ? error.message : String(error)}\n${log}`);
  }
  return { pid, url, accessLog: paths.accessLog, stop };
}
