/**
 * The client's address, for the sign-in throttle and the session audit: the socket's peer, or,
 * when that peer is a trusted proxy (TRUSTED_PROXIES), the first address from the right in the
 * X-Forwarded-For chain that is not a trusted proxy.
 *
 * Why not read X-Forwarded-For as Next hands it over: Next 16.5 records the socket's address only
 * when the request has no X-Forwarded-For of its own (`req.headers['x-forwarded-for'] ??=
 * socket.remoteAddress`, in next/dist/server/base-server.js). It does not append. So a header the
 * client sent reaches the app unchanged and the socket's address is lost; the app cannot tell
 * "203.0.113.7, set by Next from the socket" from "203.0.113.7, typed by the client", nor whether
 * the request came through a proxy at all.
 *
 * So the peer is recorded before Next sees the request: {@link watchPeerAddresses} subscribes to
 * Node's `http.server.request.start` diagnostics channel (a public Node API; no change to Next),
 * which every Node HTTP server in the process publishes just before its request handler runs, and
 * stamps the request with a header holding a per-process secret, the socket's address and the
 * X-Forwarded-For the request arrived with. The header is overwritten on every request, and a
 * stamp without the secret (a client forging one before the hook was installed) is ignored.
 * Without a valid stamp the address is unknown (null), never a client's claim.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { normalizeAddress, trustedProxiesFromEnv, type TrustedProxies } from './trusted-proxies';

/** The request header the hook writes (lowercase, as Node and Next store header names). */
export const PEER_HEADER = 'x-sportnieuws-peer';

interface PeerHook {
  token: string;
  installed: boolean;
}

const HOOK = Symbol.for('sportnieuws.peer-address-hook');
type GlobalWithHook = typeof globalThis & { [HOOK]?: PeerHook };

/** The process's hook state, shared by every bundle Next loads (instrumentation, pages, actions). */
function hookState(): PeerHook {
  const holder: GlobalWithHook = globalThis;
  holder[HOOK] ??= { token: randomBytes(24).toString('hex'), installed: false };
  return holder[HOOK];
}

/** The stamp for one request: `<secret> <peer or -> <X-Forwarded-For as received, possibly empty>`. */
export function peerStamp(token: string, peer: string | undefined, forwardedFor: string | string[] | undefined): string {
  const forwarded = Array.isArray(forwardedFor) ? forwardedFor.join(', ') : (forwardedFor ?? '');
  return `${token} ${peer ?? '-'} ${forwarded}`;
}

/**
 * Starts recording every request's socket address in this process (idempotent). Call it when the
 * server starts (instrumentation.ts); the module also calls it when it is first loaded, so a
 * server without that call records from its first desk request on.
 */
export function watchPeerAddresses(): void {
  const state = hookState();
  if (state.installed) return;
  state.installed = true;
  subscribe('http.server.request.start', (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    request.headers[PEER_HEADER] = peerStamp(state.token, socket.remoteAddress, request.headers['x-forwarded-for']);
  });
}

watchPeerAddresses();

/**
 * For server start (instrumentation.ts): checks TRUSTED_PROXIES, throwing a TrustedProxiesError
 * that names a malformed entry, and starts recording peers before the first request.
 */
export function startClientAddresses(env: Readonly<Record<string, string | undefined>> = process.env): void {
  trustedProxiesFromEnv(env);
  watchPeerAddresses();
}

/**
 * The hops of a stamped request, nearest last: the X-Forwarded-For entries it arrived with, then
 * the socket's peer. Null when the request carries no valid stamp.
 */
export function requestHops(stamp: string | null, token: string = hookState().token): string[] | null {
  const space = stamp?.indexOf(' ') ?? -1;
  if (stamp === null || space === -1) return null;
  const given = Buffer.from(stamp.slice(0, space));
  const expected = Buffer.from(token);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const rest = stamp.slice(space + 1);
  const second = rest.indexOf(' ');
  const peer = second === -1 ? rest : rest.slice(0, second);
  const forwarded = second === -1 ? '' : rest.slice(second + 1);
  const entries = forwarded
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  return [...entries, peer];
}

/**
 * The client among `hops` (nearest last): without trusted proxies the nearest hop, the socket's
 * peer, whatever the headers say. With them, walk from the right past every trusted proxy and take
 * the first address that is not one; when every hop is trusted, the furthest. Null when the walk
 * reaches an entry that is not an IP address (a trusted proxy passed on garbage).
 */
export function clientFromHops(hops: readonly string[], trusted: TrustedProxies | null): string | null {
  if (hops.length === 0) return null;
  if (trusted === null) return normalizeAddress(hops.at(-1) ?? '');
  for (let index = hops.length - 1; index >= 0; index -= 1) {
    const address = normalizeAddress(hops[index] ?? '');
    if (address === null) return null;
    if (!trusted.trusts(address) || index === 0) return address;
  }
  return null;
}

let warnedUntrustedProxy = false;

/**
 * The client's address of a request, from its headers (next/headers in a Server Action). Null when
 * it cannot be known. See the module comment.
 */
export function clientAddress(headers: { get(name: string): string | null }, trusted: TrustedProxies | null = trustedProxiesFromEnv()): string | null {
  const hops = requestHops(headers.get(PEER_HEADER));
  if (hops === null) return null;
  if (trusted === null && hops.length > 1 && !warnedUntrustedProxy) {
    // Most likely a proxy in front that nobody named: every client then looks like that proxy.
    warnedUntrustedProxy = true;
    console.warn(
      `Sign-in: a request from ${hops.at(-1)} carried X-Forwarded-For, which is ignored because TRUSTED_PROXIES is not set. ` +
        'Behind a proxy, name it in TRUSTED_PROXIES, or every client counts as the proxy (one throttle for all).',
    );
  }
  return clientFromHops(hops, trusted);
}
