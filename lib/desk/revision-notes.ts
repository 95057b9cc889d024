/**
 * Revision notes are stored as stable English strings (lib/desk/articles/, lib/publishing/scheduler.ts);
 * the desk shows them in the editor's language. This reads a note into a kind plus its data, for a
 * message key; anything unrecognised is shown as stored.
 */
export type RevisionNote =
  | { kind: 'created' | 'saved' | 'published' | 'unpublished' | 'publishedOnSchedule' }
  | { kind: 'scheduled'; at: string }
  | { kind: 'restored'; number: number }
  | { kind: 'other'; text: string };

export function readRevisionNote(note: string | null): RevisionNote {
  if (note === null || note === '') return { kind: 'saved' };
  switch (note) {
    case 'created':
      return { kind: 'created' };
    case 'published':
      return { kind: 'published' };
    case 'unpublished':
      return { kind: 'unpublished' };
    case 'published on schedule':
      return { kind: 'publishedOnSchedule' };
  }
  const scheduled = /^scheduled for (\d{4}-\d{2}-\d{2}T[0-9:.]+Z)$/.exec(note);
  if (scheduled && !Number.isNaN(Date.parse(scheduled[1] as string))) return { kind: 'scheduled', at: scheduled[1] as string };
  const restored = /^restored revision (\d{1,9})$/.exec(note);
  if (restored) return { kind: 'restored', number: Number(restored[1]) };
  return { kind: 'other', text: note };
}
