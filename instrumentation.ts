/**
 * Runs once when a server instance starts. It sets how far the heap may grow before V8 collects
 * (lib/site/heap.ts), starts recording each request's client address (lib/auth/client-address.ts),
 * answers the methods Next cannot route (lib/site/unroutable-methods.ts), bounds how many reads it
 * renders at once (lib/site/render-gate.ts), marks real Draft Mode
 * answers noindex (lib/preview/draft-noindex.ts) and starts the publication scheduler
 * (lib/publishing/scheduler.ts), which publishes scheduled articles on time and keeps this
 * instance's cache in step with the others, in the Node.js runtime of `next start` and `next dev`
 * only: never in the Edge runtime, and never while `next build` prerenders pages (its workers
 * load this file too, and a build must not publish anything).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { applyHeapGrowth } = await import('./lib/site/heap');
  applyHeapGrowth();
  // Records each request's socket address before Next sees it, and checks TRUSTED_PROXIES now.
  const { startClientAddresses } = await import('./lib/auth/client-address');
  startClientAddresses();
  // TRACE, CONNECT and unknown methods: a 405 from the Node server, where Next would answer a bare 500.
  const { refuseUnroutableMethods } = await import('./lib/site/unroutable-methods');
  refuseUnroutableMethods();
  // A few renders at a time, the rest in order: a burst costs the memory of a few renders, not fifty.
  const { startRenderGate } = await import('./lib/site/render-gate');
  startRenderGate();
  // noindex on real Draft Mode answers only, which Next alone can tell from a forged cookie.
  const { markDraftModeAnswersNoindex } = await import('./lib/preview/draft-noindex');
  markDraftModeAnswersNoindex();
  // A malformed EDGE_URLS stops the server here, not at the first publish.
  const { edgeUrls } = await import('./lib/cache/edge-refresh');
  edgeUrls();
  const { startScheduler } = await import('./lib/publishing/scheduler');
  startScheduler();
}
