/**
 * The preview-link secret the browser server runs with, so the preview suite can sign share links
 * itself (with lib/preview) exactly as the site and the content CLI do. A PREVIEW_SECRET in the
 * environment wins, for both.
 */
export const E2E_PREVIEW_SECRET = process.env.PREVIEW_SECRET?.trim() || 'e2e-preview-secret-0123456789abcdef-0123456789';
