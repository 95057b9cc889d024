import { revalidateTag } from 'next/cache';
import { isCacheTag } from '@/lib/cache/tags';
import { revalidationSecret, secretMatches, TAGS_PER_REQUEST } from '@/lib/cache/revalidation';

// Revalidation hand-off: checks the caller and the tags, then expires them at once so the next
// request renders fresh content (publishing must show within a second, not after a stale hit).
export const dynamic = 'force-dynamic';

const noStore = { 'cache-control': 'no-store' };

export async function POST(request: Request) {
  const secret = revalidationSecret();
  if (!secret) return Response.json({ error: 'revalidation is not configured' }, { status: 503, headers: noStore });
  const presented = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1] ?? '';
  if (!presented || !secretMatches(presented, secret)) {
    return Response.json({ error: 'unauthorized' }, { status: 401, headers: noStore });
  }
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return Response.json({ error: 'expected a JSON body' }, { status: 400, headers: noStore });
  }
  const tags = typeof body === 'object' && body !== null && 'tags' in body ? body.tags : undefined;
  if (!Array.isArray(tags) || tags.length === 0 || tags.length > TAGS_PER_REQUEST || !tags.every(isCacheTag)) {
    return Response.json({ error: 'expected { "tags": [...] } with known cache tags' }, { status: 400, headers: noStore });
  }
  for (const tag of new Set(tags)) revalidateTag(tag, { expire: 0 });
  return Response.json({ revalidated: tags.length }, { headers: noStore });
}
