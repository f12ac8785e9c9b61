// The bundled protocols as the build writes them (scripts/raw-text.mjs: each file's JSON text with its
// double quotes swapped for a character the text lacks, #15) read back to exactly the files in
// protocols/. Needs `npm run build` first, as the other tests here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './_stage.js';

describe('the built package', () => {
  it('reads every bundled protocol to the value of its file', async () => {
    const dist = await import(join(ROOT, 'dist/index.js'));
    expect(dist.BUNDLED_PROTOCOL_IDS).toHaveLength(6);
    for (const id of dist.BUNDLED_PROTOCOL_IDS as string[]) {
      const file = JSON.parse(readFileSync(join(ROOT, 'protocols', `${id}.json`), 'utf8'));
      expect(dist.getProtocol(id)).toEqual(dist.parseProtocolOrThrow(file));
    }
  });

  it('writes no bundled text as a template literal', () => {
    const code = readFileSync(join(ROOT, 'dist/index.js'), 'utf8');
    // A protocol's id and title appear in its text; inside a template literal they would follow a backtick run.
    expect(code).not.toMatch(/`\{"\$schema"|`\{"id"/);
    expect(code).toMatch(/"[~^|#]\{[~^|#]/);
  });
});
