// The bundled protocols as the build writes them (scripts/raw-text.mjs: each file's JSON text with its
// double quotes swapped for a character the text lacks, #15) read back to exactly the files in
// protocols/. How the text is written is the bench's business (import cost), not a test's. Needs
// `npm run build` first, as the other tests here.
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
});
