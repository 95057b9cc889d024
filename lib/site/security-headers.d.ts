/** Types for lib/site/security-headers.js. */
export function securityHeaders(): Array<{ key: string; value: string }>;
