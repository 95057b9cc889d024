/**
 * The committed JSON Schema (docs/content-format.schema.json) is generated from the content model
 * and only checked here, not used by the importer (see lib/content/json-schema.ts for why). These
 * tests keep it from drifting and prove that it agrees with the importer on every fixture.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { CONTENT_SCHEMA_FILE, CONTENT_SCHEMA_ID, renderContentJsonSchema } from '@/lib/content/json-schema';
import { noKnownReferences, validateContentFile } from '@/lib/content/validate';
import { fixturePath, IMPORT_FIXTURES } from '../fixtures/import/builders';
import { invalidFixtures } from '../fixtures/import/invalid-cases';

const ROOT = path.join(__dirname, '..', '..');
const committed = readFileSync(path.join(ROOT, CONTENT_SCHEMA_FILE), 'utf8');

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const schemaValidates = ajv.compile(JSON.parse(committed));
const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

const jsonFiles = (dir: string) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => path.join(dir, name));

const validFiles = [
  ...jsonFiles(path.join(ROOT, 'content', 'demo')),
  ...jsonFiles(path.join(IMPORT_FIXTURES, 'valid')),
  ...jsonFiles(path.join(ROOT, '__tests__', 'fixtures', 'browser')),
].map((file) => [path.relative(ROOT, file), file] as const);

describe('docs/content-format.schema.json', () => {
  it('is exactly what `npm run content -- schema` generates from the model', () => {
    // On failure: run `npm run content -- schema` and commit the result.
    expect(committed).toBe(renderContentJsonSchema());
  });

  it('is a draft 2020-12 schema with an id and a title', () => {
    expect(readJson(path.join(ROOT, CONTENT_SCHEMA_FILE))).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: CONTENT_SCHEMA_ID,
      title: expect.any(String),
      type: 'object',
      additionalProperties: false,
    });
  });

  it.each(validFiles)('accepts %s', (_name, file) => {
    const valid = schemaValidates(readJson(file));
    expect(schemaValidates.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  const jsonFixtures = invalidFixtures.filter((fixture) => fixture.structural !== null);

  it.each(jsonFixtures.filter((fixture) => fixture.structural).map((fixture) => [fixture.file] as const))(
    'rejects the structurally invalid fixture %s',
    (file) => {
      expect(schemaValidates(readJson(fixturePath('invalid', file)))).toBe(false);
    },
  );

  it.each(jsonFixtures.filter((fixture) => !fixture.structural).map((fixture) => [fixture.file] as const))(
    'accepts %s, which only the importer rejects (references, duplicates, links)',
    (file) => {
      const input = readJson(fixturePath('invalid', file));
      expect(schemaValidates(input)).toBe(true);
      expect(validateContentFile(input, noKnownReferences).ok).toBe(false);
    },
  );

  it('never rejects a file the importer accepts', () => {
    for (const [, file] of validFiles) {
      const input = readJson(file);
      if (validateContentFile(input, noKnownReferences).ok) expect(schemaValidates(input)).toBe(true);
    }
  });
});
