import { AdminForbidden } from '@/components/desk/admin/AdminForbidden';

/**
 * Rendered with a 403 status when a signed-in editor without admin rights opens this screen.
 * `params` comes when the server renders this boundary as the response body (see
 * app/[locale]/not-found.tsx): that render runs beside the locale layout, so the locale is taken
 * from the URL here rather than from next-intl's request state.
 */
export default async function Forbidden({ params }: { params?: Promise<{ locale?: string }> }) {
  return <AdminForbidden segment={params ? (await params).locale : undefined} />;
}
