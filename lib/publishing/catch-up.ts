/**
 * Asking this process's publication scheduler (lib/publishing/scheduler.ts) to catch up with the
 * invalidation log now. The proxy does so for a request the edge sends to refresh a page after a
 * write (`X-Edge-Refresh`, lib/cache/edge-refresh.ts): whichever instance the edge reaches has then
 * applied that write before it renders.
 *
 * The scheduler and the proxy are bundled apart, so they meet through a global registered by the
 * scheduler, and this module imports nothing: the proxy, which every request passes, stays free of
 * the data layer.
 */
export const CATCH_UP = Symbol.for('sportnieuws.scheduler.catchUp');

type GlobalWithCatchUp = typeof globalThis & { [CATCH_UP]?: () => Promise<void> };

/** How long a request waits for the catch-up at most; it renders with what it has after that. */
export const CATCH_UP_TIMEOUT_MS = 2000;

/**
 * Runs a scheduler tick now, or right after the one under way, and resolves when it is done or
 * after {@link CATCH_UP_TIMEOUT_MS}. Resolves at once when no scheduler runs in this process. Never
 * rejects.
 */
export function catchUpWithLog(): Promise<void> {
  const catchUp = (globalThis as GlobalWithCatchUp)[CATCH_UP];
  if (!catchUp) return Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, CATCH_UP_TIMEOUT_MS);
  });
  return Promise.race([catchUp().catch(() => undefined), timeout]).finally(() => clearTimeout(timer));
}

/** Registers the scheduler's catch-up (or removes it, with undefined, when it stops). */
export function registerCatchUp(catchUp: (() => Promise<void>) | undefined, only?: () => Promise<void>): void {
  const holder = globalThis as GlobalWithCatchUp;
  if (catchUp === undefined && only !== undefined && holder[CATCH_UP] !== only) return;
  holder[CATCH_UP] = catchUp;
}
