/**
 * The admin Server Actions' gate: origin first, then a live session, then the permission, each
 * refusal named. The request-bound parts (next/headers) are replaced by controllable stand-ins.
 */
import type { ValidSession } from '@/lib/auth/sessions';

const origin = { ok: true };
let session: ValidSession | null = null;

jest.mock('@/lib/auth/request-session', () => ({
  assertSameOriginAction: async () => {
    if (!origin.ok) throw new Error('cross-site request refused');
  },
  getSession: async () => session,
  requireEditor: async () => session,
}));

// Imported after the mock is registered.
import { guardDeskAction as guardAdminAction } from '@/lib/desk/guard';

const sessionOf = (role: 'editor' | 'admin'): ValidSession => ({
  id: 'x',
  user: { id: 'u1', email: 'a@example.test', name: 'A', role },
  createdAt: new Date(0),
  lastSeenAt: new Date(0),
  passwordChangeRequired: false,
  expiresAt: new Date(1),
});

describe('the admin action guard', () => {
  beforeEach(() => {
    origin.ok = true;
    session = null;
  });

  it('refuses a cross-site request before looking at the session', async () => {
    origin.ok = false;
    session = sessionOf('admin');
    expect(await guardAdminAction('users.manage')).toEqual({ ok: false, reason: 'refused' });
  });

  it('refuses a request without a session', async () => {
    expect(await guardAdminAction('sections.manage')).toEqual({ ok: false, reason: 'signedOut' });
  });

  it.each(['users.manage', 'sections.manage', 'authors.manage'] as const)('refuses an editor for %s', async (permission) => {
    session = sessionOf('editor');
    expect(await guardAdminAction(permission)).toEqual({ ok: false, reason: 'forbidden' });
  });

  it('lets an admin through with the session', async () => {
    session = sessionOf('admin');
    expect(await guardAdminAction('authors.manage')).toEqual({ ok: true, session });
  });
});
