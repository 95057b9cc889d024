/**
 * The dependency audit's decision (scripts/dependency-audit.ts), fed what `npm audit --json` prints.
 *
 * Fixtures in __tests__/fixtures/npm-audit/:
 * - registry-405.json, connection-refused.json, no-lockfile.json: captured from npm 11.19 on this
 *   project's own machines (the registry's advisory endpoint answering 405; a registry URL nothing
 *   listens on; a project without a lockfile);
 * - one-high.json: npm's own `npm audit --json` output from its test suite (npm/cli, "json audit");
 * - clean.json, moderate-only.json, moderate-and-critical.json: reports in the same format
 *   (auditReportVersion 2), with a transitive advisory ("via") and the severities around the line.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { judgeAudit, reportVerdict, type AuditVerdict } from '../../scripts/dependency-audit';

const fixture = (name: string) => readFileSync(path.join(__dirname, '..', 'fixtures', 'npm-audit', name), 'utf8');

describe('judging npm audit --json', () => {
  it.each<[string, AuditVerdict['kind'], 0 | 1]>([
    ['clean.json', 'passed', 0],
    ['moderate-only.json', 'passed', 0],
    ['one-high.json', 'failed', 1],
    ['moderate-and-critical.json', 'failed', 1],
    ['registry-405.json', 'unavailable', 0],
    ['connection-refused.json', 'unavailable', 0],
    ['no-lockfile.json', 'broken', 1],
  ])('%s is %s and exits %i', (name, kind, exitCode) => {
    const verdict = judgeAudit(fixture(name));
    expect(verdict.kind).toBe(kind);
    expect(reportVerdict(verdict).exitCode).toBe(exitCode);
  });

  it('names each vulnerable package with its advisories and its fix, the worst first', () => {
    const verdict = judgeAudit(fixture('moderate-and-critical.json'));
    expect(verdict).toMatchObject({ kind: 'failed', counts: { critical: 2, high: 0, moderate: 1, low: 0, info: 0 } });
    const { lines } = reportVerdict(verdict);
    expect(lines[0]).toBe('Dependency audit: FAILED. 2 critical, 1 moderate; high and critical advisories fail the run.');
    expect(lines).toContain('  report-writer (critical), fixed by `npm audit fix`');
    expect(lines).toContain('    via tiny-template');
    expect(lines).toContain('    Template compilation allows arbitrary code execution (critical) https://github.com/advisories/GHSA-aaaa-bbbb-cccc');
    expect(lines.findIndex((line) => line.startsWith('  slow-glob'))).toBeGreaterThan(lines.findIndex((line) => line.startsWith('  tiny-template')));
  });

  it('fails on a single high advisory that has no fix, and says so', () => {
    const { lines } = reportVerdict(judgeAudit(fixture('one-high.json')));
    expect(lines).toEqual([
      'Dependency audit: FAILED. 1 high; high and critical advisories fail the run.',
      '  test-dep-a (high), no fix available',
      '    Test advisory 100 (high) https://github.com/advisories/GHSA-100',
      '  1 package to upgrade: see README, "Dependencies".',
    ]);
  });

  it('passes below high, still listing what it found', () => {
    const { lines, exitCode } = reportVerdict(judgeAudit(fixture('moderate-only.json')));
    expect(exitCode).toBe(0);
    expect(lines[0]).toBe('Dependency audit: passed. 1 moderate (below high; not failing).');
    expect(lines).toContain('  slow-glob (moderate), fixed by `npm audit fix`');
  });

  it('says plainly that nothing was checked when the registry answers 405, and why', () => {
    const verdict = judgeAudit(fixture('registry-405.json'));
    expect(verdict).toEqual({ kind: 'unavailable', reason: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk' });
    const { lines } = reportVerdict(verdict);
    expect(lines[0]).toBe('Dependency audit: NOT RUN. The registry did not answer npm audit, so no advisories were checked.');
    expect(lines.join('\n')).toContain('405 Method Not Allowed');
  });

  it('counts a clean report as clean', () => {
    expect(reportVerdict(judgeAudit(fixture('clean.json'))).lines).toEqual(['Dependency audit: passed. No known advisories.']);
  });

  it.each([
    ['nothing', ''],
    ['npm’s human-readable report', '# npm audit report\n\nfound 0 vulnerabilities\n'],
    ['JSON of another shape', '{"auditReportVersion": 1, "advisories": {}}'],
    ['a report whose counts are not numbers', JSON.stringify({ ...JSON.parse(fixture('clean.json')), metadata: { vulnerabilities: { high: 'many' } } })],
  ])('fails on %s rather than guessing', (_name, stdout) => {
    const verdict = judgeAudit(stdout);
    expect(verdict.kind).toBe('broken');
    expect(reportVerdict(verdict).exitCode).toBe(1);
  });

  it.each(['ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'E503'])('treats an npm error %s as a registry that did not answer', (code) => {
    expect(judgeAudit(JSON.stringify({ error: { code, summary: 'request failed', detail: '' } }))).toEqual({ kind: 'unavailable', reason: `${code}: request failed` });
  });

  it('a lockfile npm cannot read is the project’s fault, and fails', () => {
    expect(judgeAudit(fixture('no-lockfile.json'))).toEqual({ kind: 'broken', reason: 'npm could not run the audit: ENOLOCK: This command requires an existing lockfile.' });
  });
});
