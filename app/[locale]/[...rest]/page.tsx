import { notFound } from 'next/navigation';

// Any path below a locale that no route claims gets that locale's 404 page, with a 404 status.
export default function CatchAll() {
  notFound();
}
