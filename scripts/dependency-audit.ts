/**
 * The dependency audit CI runs: `npm audit --json` over every installed package (production and
 * development: the build and the tests run them too), judged here rather than by npm's exit code.
 *
 * - The registry answered with a report: the run fails when it lists a high or critical advisory,
 *   naming each vulnerable package, its advisories and what fixes it; lower severities are
 *   printed and pass.
 * - The registry did not answer (some registries and mirrors answer the advisory endpoint with 405
 *   Method Not Allowed, or it cannot be reached): the audit says plainly that nothing was checked,
 *   and why, and passes. CI on such a registry cannot audit; run it where the registry can.
 * - npm itself could not run the audit (no lockfile) or printed something that is not JSON: the
 *   run fails, because that is a fault in the project, not in the service.
 *
 * `npx tsx scripts/dependency-audit.ts` (exit 0 or 1). The decision ({@link judgeAudit}) is pure
 * and tested with real `npm audit --json` outputs in __tests__/scripts/dependency-audit.test.ts.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { z } from 'zod';

export const FAILING_SEVERITIES = ['high', 'critical'] as const;
const SEVERITIES = ['info', 'low', 'moderate', 'high', 'critical'] as const;
type Severity = (typeof SEVERITIES)[number];

export type SeverityCounts = Record<Severity, number>;

export interface VulnerablePackage {
  name: string;
  severity: Severity;
  /** Advisory titles with their URLs; for a package vulnerable through another, "via <name>". */
  advisories: string[];
  /** npm's fix: true, false, or the upgrade it proposes. */
  fix: string;
}

export type AuditVerdict =
  | { kind: 'passed'; counts: SeverityCounts; packages: VulnerablePackage[] }
  | { kind: 'failed'; counts: SeverityCounts; packages: VulnerablePackage[] }
  | { kind: 'unavailable'; reason: string }
  | { kind: 'broken'; reason: string };

const countSchema = z.number().int().nonnegative();
const advisorySchema = z.object({ title: z.string(), url: z.string(), severity: z.enum(SEVERITIES) }).loose();
const fixSchema = z.union([z.boolean(), z.object({ name: z.string(), version: z.string(), isSemVerMajor: z.boolean().optional() }).loose()]);

/** npm 7 and later (`auditReportVersion: 2`). */
const reportSchema = z
  .object({
    auditReportVersion: z.literal(2),
    vulnerabilities: z.record(
      z.string(),
      z.object({ name: z.string(), severity: z.enum(SEVERITIES), via: z.array(z.union([z.string(), advisorySchema])), fixAvailable: fixSchema.optional() }).loose(),
    ),
    metadata: z.object({ vulnerabilities: z.object(Object.fromEntries(SEVERITIES.map((severity) => [severity, countSchema])) as Record<Severity, typeof countSchema>).loose() }).loose(),
  })
  .loose();

/** What npm prints when the advisory endpoint fails: the HTTP answer, or the request's failure. */
const endpointFailureSchema = z.object({ message: z.string(), statusCode: z.number().int().optional() }).loose();

/** What npm prints when it cannot run the command at all (ENOLOCK, …), and in some versions for network errors. */
const npmErrorSchema = z.object({ error: z.object({ code: z.string(), summary: z.string().optional(), detail: z.string().optional() }).loose() }).loose();

/** Error codes that mean the service was not reached, not that the project is wrong. */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOAUDIT']);
const HTTP_ERROR_CODE = /^E\d{3}$/;

function describeFix(fix: z.infer<typeof fixSchema> | undefined): string {
  if (fix === undefined || fix === false) return 'no fix available';
  if (fix === true) return 'fixed by `npm audit fix`';
  return `fixed by upgrading ${fix.name} to ${fix.version}${fix.isSemVerMajor ? ' (a major version: check its release notes)' : ''}`;
}

/** The verdict on one `npm audit --json` run's standard output. Pure: no process, no network. */
export function judgeAudit(stdout: string): AuditVerdict {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdout);
  } catch {
    const start = stdout.trim().slice(0, 200);
    return { kind: 'broken', reason: `npm audit printed something that is not JSON${start === '' ? ' (nothing at all)' : `: ${start}`}` };
  }

  const report = reportSchema.safeParse(parsed);
  if (report.success) {
    const counts = Object.fromEntries(SEVERITIES.map((severity) => [severity, report.data.metadata.vulnerabilities[severity]])) as SeverityCounts;
    const packages = Object.values(report.data.vulnerabilities)
      .map((entry): VulnerablePackage => ({
        name: entry.name,
        severity: entry.severity,
        advisories: entry.via.map((via) => (typeof via === 'string' ? `via ${via}` : `${via.title} (${via.severity}) ${via.url}`)),
        fix: describeFix(entry.fixAvailable),
      }))
      .sort((a, b) => SEVERITIES.indexOf(b.severity) - SEVERITIES.indexOf(a.severity) || a.name.localeCompare(b.name));
    // The counts decide; the list is what the operator reads. Both come from the same report.
    const failing = FAILING_SEVERITIES.some((severity) => counts[severity] > 0);
    return { kind: failing ? 'failed' : 'passed', counts, packages };
  }

  const npmError = npmErrorSchema.safeParse(parsed);
  if (npmError.success) {
    const { code, summary } = npmError.data.error;
    const reason = `${code}${summary ? `: ${summary}` : ''}`;
    if (UNREACHABLE_CODES.has(code) || HTTP_ERROR_CODE.test(code)) return { kind: 'unavailable', reason };
    return { kind: 'broken', reason: `npm could not run the audit: ${reason}` };
  }

  const endpointFailure = endpointFailureSchema.safeParse(parsed);
  if (endpointFailure.success) return { kind: 'unavailable', reason: endpointFailure.data.message };

  return { kind: 'broken', reason: 'npm audit printed JSON that is neither a report nor an error it is known to print' };
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The lines to print for a verdict, and the exit code (0: pass, 1: fail). */
export function reportVerdict(verdict: AuditVerdict): { lines: string[]; exitCode: 0 | 1 } {
  switch (verdict.kind) {
    case 'unavailable':
      return {
        lines: [
          'Dependency audit: NOT RUN. The registry did not answer npm audit, so no advisories were checked.',
          `  npm said: ${verdict.reason}`,
          '  Passing anyway: the service is unavailable, which says nothing about the dependencies. Audit',
          '  from a machine whose registry answers the advisory endpoint (see README, "Dependencies").',
        ],
        exitCode: 0,
      };
    case 'broken':
      return { lines: [`Dependency audit: FAILED to run. ${verdict.reason}`], exitCode: 1 };
    case 'passed':
    case 'failed': {
      const { counts, packages } = verdict;
      const summary = SEVERITIES.filter((severity) => counts[severity] > 0)
        .reverse()
        .map((severity) => `${counts[severity]} ${severity}`)
        .join(', ');
      const lines =
        verdict.kind === 'failed'
          ? [`Dependency audit: FAILED. ${summary}; high and critical advisories fail the run.`]
          : [`Dependency audit: passed. ${summary === '' ? 'No known advisories.' : `${summary} (below high; not failing).`}`];
      for (const entry of packages) {
        lines.push(`  ${entry.name} (${entry.severity}), ${entry.fix}`);
        for (const advisory of entry.advisories) lines.push(`    ${advisory}`);
      }
      if (verdict.kind === 'failed') lines.push(`  ${plural(counts.high + counts.critical, 'package')} to upgrade: see README, "Dependencies".`);
      return { lines, exitCode: verdict.kind === 'failed' ? 1 : 0 };
    }
  }
}

function main(): number {
  const root = path.resolve(__dirname, '..');
  // npm's own exit code is 1 both for advisories and for an endpoint that failed: the JSON decides.
  const result = spawnSync('npm', ['audit', '--json'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 300_000 });
  if (result.error) {
    console.error(`Dependency audit: FAILED to run npm: ${result.error.message}`);
    return 1;
  }
  const { lines, exitCode } = reportVerdict(judgeAudit(result.stdout));
  for (const line of lines) (exitCode === 0 ? console.log : console.error)(line);
  return exitCode;
}

if (require.main === module) process.exit(main());
