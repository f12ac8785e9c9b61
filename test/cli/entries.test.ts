// The CLI loads each command only when it runs (src/cli/commands.ts), so the help's summaries live
// beside the loaders: each must be the command's own, under its own name.
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands.js';

describe('the command table', () => {
  it('loads, for every name, the command of that name, whose summary the help shows', async () => {
    for (const entry of COMMANDS) {
      const command = await entry.load();
      expect(command.name).toBe(entry.name);
      expect(command.summary).toBe(entry.summary);
    }
    expect(new Set(COMMANDS.map((c) => c.name)).size).toBe(COMMANDS.length);
  });
});
