'use client';
// In the browser to re-render the library (router.refresh) once the upload control reports a new
// file, so it appears at the top of the grid without a full reload.
import { useRouter } from 'next/navigation';
import { MediaUpload, type MediaUploadLabels } from './MediaUpload.client';

export function MediaLibraryUpload({ labels, maxBytes }: { labels: MediaUploadLabels; maxBytes: number }) {
  const router = useRouter();
  return <MediaUpload labels={labels} maxBytes={maxBytes} onUploaded={() => router.refresh()} />;
}
