import { AdminForbidden } from '@/components/desk/admin/AdminForbidden';

// Rendered with a 403 status when a signed-in editor without admin rights opens this screen.
export default function Forbidden() {
  return <AdminForbidden />;
}
