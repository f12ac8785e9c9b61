// The bin's two ways of running the tool (#15, src/cli/launch.ts): the one script with the code cache
// the build made, where that cache fits, and the ES modules of dist/cli.js otherwise (another V8,
// Node options, or NODE_DISABLE_COMPILE_CACHE). They are built from the same sources and must not be
// told apart by what they print or how they exit; and the cache the build wrote must be one this
// Node accepts, or the bin would pay for compiling the whole script instead.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, buildCli, cli } from './_cli.js';

beforeAll(buildCli, 120_000);

const MODULES = { NODE_DISABLE_COMPILE_CACHE: '1' };

describe('the bin', () => {
  it('was built with a code cache this Node accepts for its script', () => {
    const dir = join(ROOT, 'dist/cli');
    const built = JSON.parse(readFileSync(join(dir, 'bundle.json'), 'utf8'));
    expect(built).toEqual({ v8: process.versions.v8, arch: process.arch, script: expect.any(String), cache: expect.any(String) });
    const source = readFileSync(join(dir, built.script), 'utf8');
    // The pair is named by the script's hash, so that a cache is never read with another script.
    const hash = createHash('sha256').update(source).digest('hex').slice(0, 16);
    expect([built.script, built.cache]).toEqual([`bundle-${hash}.cjs`, `bundle-${hash}.cache`]);
    const script = new Script(source, { filename: join(dir, built.script), cachedData: readFileSync(join(dir, built.cache)) });
    expect(script.cachedDataRejected).toBe(false);
    // Else the bin would use the modules both times below, and the comparison would prove nothing.
    expect(process.env['NODE_OPTIONS'] ?? '', 'the bin runs the modules when NODE_OPTIONS is set').toBe('');
  });

  // Commands the cache was made with (validate) and ones it was not, successes and each exit code.
  const runs: readonly (readonly string[])[] = [
    ['validate', 'protocols/', '--today', '2026-06-01'],
    ['validate', 'protocols/', '--today', '2026-06-01', '--format', 'json'],
    ['validate', 'test/cli/fixtures/broken.json', '--format', 'github'],
    ['test', 'protocols/swindon.scenarios.json'],
    ['list'],
    ['plan', 'swindon', '--from', '2026-12-21'],
    ['due', '2026-12-21T10:00', '5wd'],
    ['schema'],
    ['--version'],
    ['--help'],
    ['validate', '--help'],
    ['validate', '--format', 'yaml'],
    ['plan', 'nowhere', '--from', '2026-12-21'],
    ['nope'],
  ];

  for (const args of runs) {
    it(`prints and exits the same from the cached script and from the modules: ${args.join(' ')}`, () => {
      const cached = cli(args);
      const modules = cli(args, { env: MODULES });
      expect(cached).toEqual(modules);
      // Each run did something: output, or a usage error's one line.
      expect(cached.stdout.length + cached.stderr.length).toBeGreaterThan(0);
    });
  }
});
