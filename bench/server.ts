/**
 * Processes the benchmark starts: `next start` on a port of its own, and the helpers to find a free
 * port and a process's descendants (for memory). Every process started here is stopped here, by pid.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  pid: number;
  origin: string;
  /** The last lines the process wrote (for error reports). */
  output(): string;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `url` answers at all (any status), or throws after `timeoutMs`. */
export async function waitForHttp(url: string, timeoutMs: number, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`process exited (${child.exitCode}) before ${url} answered`);
    try {
      await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(2000) });
      return;
    } catch {
      await sleep(200);
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/** Starts a child process that logs into a ring buffer; `stop` sends SIGTERM, then SIGKILL after 5 s. */
export function startProcess(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): { child: ChildProcess; output: () => string; stop: () => Promise<void> } {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n'));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  return { child, output: () => lines.join('\n'), stop };
}

/** `next start` with the project's Next for the app in `cwd` (the project itself unless given), on 127.0.0.1:`port`. */
export async function startNext(root: string, port: number, env: NodeJS.ProcessEnv, cwd = root): Promise<RunningServer> {
  const nextBin = require.resolve('next/dist/bin/next', { paths: [root] });
  const proc = startProcess(process.execPath, [nextBin, 'start', '-p', String(port), '-H', '127.0.0.1'], { cwd, env });
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${origin}/robots.txt`, 60_000, proc.child);
  } catch (error) {
    await proc.stop();
    throw new Error(`next start failed: ${error instanceof Error ? error.message : String(error)}\n${proc.output()}`);
  }
  const pid = proc.child.pid;
  if (pid === undefined) throw new Error('next start has no pid');
  return { pid, origin, output: proc.output, stop: proc.stop };
}

/** `pid` and every process below it, from /proc (Linux). Empty elsewhere. */
export function processTree(pid: number): number[] {
  const parentOf = new Map<number, number>();
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  for (const entry of entries) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name, which sits in parentheses and may hold spaces.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parentOf.set(Number(entry), Number(fields[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) {
    for (const [child, parent] of parentOf) if (parent === tree[i]) tree.push(child);
  }
  return tree;
}
