import { getDatabase } from '@/lib/db/connection';
import { getMedia, isMediaFileName } from '@/lib/media/store';
import { mediaResponse } from '@/lib/media/serve';
import { unavailableWhenDatabaseIsDown } from '@/lib/site/unavailable';

// Uploaded images, from the database. A name is the hash of its bytes, so a response never goes
// stale: cached publicly for a year, immutable. Unknown or malformed names are a plain 404.
export const dynamic = 'force-dynamic';

export const GET = unavailableWhenDatabaseIsDown('text', async (request: Request, { params }: { params: Promise<{ file: string }> }) => {
  const { file } = await params;
  const media = isMediaFileName(file) ? await getMedia(await getDatabase(), file) : null;
  return mediaResponse(media, request.headers);
});
