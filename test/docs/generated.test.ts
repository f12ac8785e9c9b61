// The committed generated pages (docs/protocols/*.md, the finding-code table in
// docs/policy-authors.md) must equal what the renderers produce now, from src/.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDocs, renderIssueCodes, ISSUE_CODES_END, ISSUE_CODES_START } from '../../scripts/generate-docs.mjs';
import * as lib from '../../src/index.js';

const ROOT = join(import.meta.dirname, '../..');
const HINT = 'regenerate with npm run docs:protocols';
const expected = renderDocs(lib);

describe('generated docs', () => {
  it.each(Object.keys(expected))('%s is up to date', (path) => {
    const file = join(ROOT, path);
    expect(existsSync(file), `${path} is missing: ${HINT}`).toBe(true);
    expect(readFileSync(file, 'utf8'), `${path} differs from the rendered page: ${HINT}`).toBe(expected[path]);
  });

  it('docs/protocols/ holds no page for a protocol that is not bundled', () => {
    const pages = readdirSync(join(ROOT, 'docs/protocols'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/protocols/${f}`);
    expect(
      pages.filter((p) => !(p in expected)),
      `stale pages: delete them, then ${HINT}`,
    ).toEqual([]);
  });

  it('every bundled protocol has a page and a row in the index', () => {
    for (const id of lib.BUNDLED_PROTOCOL_IDS) {
      expect(expected).toHaveProperty([`docs/protocols/${id}.md`]);
      expect(expected['docs/protocols/README.md']).toContain(`[\`${id}\`](${id}.md)`);
    }
  });

  it('docs/policy-authors.md lists every finding code exactly as ISSUE_CODES defines it', () => {
    const text = readFileSync(join(ROOT, 'docs/policy-authors.md'), 'utf8');
    const start = text.indexOf(ISSUE_CODES_START);
    const end = text.indexOf(ISSUE_CODES_END);
    expect(start >= 0 && end > start, `docs/policy-authors.md needs the ISSUE_CODES markers; ${HINT}`).toBe(true);
    expect(text.slice(start, end + ISSUE_CODES_END.length), `the finding-code table is out of date: ${HINT}`).toBe(renderIssueCodes(lib));
  });
});
