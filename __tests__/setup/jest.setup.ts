import '@testing-library/jest-dom';

// The audit trail writes one JSON line per security event to standard output; in tests those lines
// would bury the results. Suites that check them capture them themselves (captureAuditLog).
import { captureAuditLog } from '@/lib/auth/audit';
captureAuditLog(() => undefined);
