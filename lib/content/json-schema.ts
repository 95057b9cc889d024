/**
 * The interchange format's JSON Schema, generated from the content model (ContentFileSchema).
 *
 * docs/content-format.schema.json is this module's output, committed so that editors and other
 * tools can use it (`"$schema": "./content-format.schema.json"` gives autocompletion in VS Code).
 * `npm run content -- schema` rewrites it, and a test fails when the committed file differs from a
 * fresh generation, so it cannot drift from the model.
 *
 * The schema describes structure only. zod refinements (safe links, safe media sources, "publishedAt
 * is required unless draft", whitespace-only text) and the rules about references and duplicates have
 * no JSON Schema form, so the importer validates with the model itself (lib/content/validate.ts),
 * never with this schema: a file the schema accepts can still be rejected on import, never the
 * other way round.
 */
import { z } from 'zod';
import { ContentFileSchema } from './model';

/** Where the generated schema lives, relative to the repository root. */
export const CONTENT_SCHEMA_FILE = 'docs/content-format.schema.json';

/** A stable identifier, not a download location: the schema is versioned with the code. */
export const CONTENT_SCHEMA_ID = 'urn:sportnieuws:content-format:1';

export function buildContentJsonSchema(): Record<string, unknown> {
  const { $schema, ...generated } = z.toJSONSchema(ContentFileSchema, { io: 'input', target: 'draft-2020-12' });
  return {
    $schema: $schema ?? 'https://json-schema.org/draft/2020-12/schema',
    $id: CONTENT_SCHEMA_ID,
    title: 'Sportnieuws content interchange file',
    description:
      'Sections, authors and articles to import with `npm run content -- import <file>` (see docs/content-format.md). ' +
      'Generated from lib/content/model.ts by `npm run content -- schema`; do not edit by hand. ' +
      'Structural only: the importer also checks links, cross-field rules and references.',
    ...generated,
  };
}

/** The file's exact text: pretty JSON, two-space indent, trailing newline. */
export function renderContentJsonSchema(): string {
  return `${JSON.stringify(buildContentJsonSchema(), null, 2)}\n`;
}
