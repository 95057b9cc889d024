import { revalidateTag } from 'next/cache';
import { isCacheTag } from '@/lib/cache/tags';
import { revalidationSecret, secretMatches, TAGS_PER_REQUEST } from '@/lib/cache/revalidation';
import { revalidateGate, revalidateLimiter } from '@/lib/cache/revalidation-access';

// Revalidation hand-off: checks the caller and the tags, then expires them at once so the next
// request renders fresh content (publishing must show within a second, not after a stale hit).
// Only for loopback and trusted proxies (REVALIDATE_ALLOW_FROM), and rate-limited per client
// (lib/cache/revalidation-access.ts).
export const dynamic = 'force-dynamic';

const noStore = { 'cache-control': 'no-store' };

export async function POST(request: Request) {
  const gate = revalidateGate(request.headers);
  if (gate.refusal !== null) return gate.refusal;
  const refuse = (error: string, status: number) => {
    revalidateLimiter().refused(gate.client);
    return Response.json({ error }, { status, headers: noStore });
  };
  const secret = revalidationSecret();
  if (!secret) return Response.json({ error: 'revalidation is not configured' }, { status: 503, headers: noStore });
  const presented = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1] ?? '';
  if (!presented || !secretMatches(presented, secret)) return refuse('unauthorized', 401);
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return refuse('expected a JSON body', 400);
  }
  const tags = typeof body === 'object' && body !== null && 'tags' in body ? body.tags : undefined;
  if (!Array.isArray(tags) || tags.length === 0 || tags.length > TAGS_PER_REQUEST || !tags.every(isCacheTag)) {
    return refuse('expected { "tags": [...] } with known cache tags', 400);
  }
  for (const tag of new Set(tags)) revalidateTag(tag, { expire: 0 });
  return Response.json({ revalidated: tags.length }, { headers: noStore });
}
