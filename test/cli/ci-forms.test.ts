// CI in the ecosystem's own forms: the composite GitHub Action (action.yml), its steps run as the
// runner runs them (bash, inputs as environment variables), and the pre-commit hooks
// (.pre-commit-hooks.yaml), each entry run on a broken file.
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CLI, ROOT, buildCli, fixture, tempDir } from './_cli.js';

beforeAll(buildCli, 120_000);

// The command input is word-split by bash, as a user's "npx --no-install escalation-protocols" is.
const EP = `${process.execPath} ${CLI}`;

interface Step {
  readonly name: string;
  readonly shell: string;
  readonly env: Record<string, string>;
  readonly run: string;
}
const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default: string }>;
  runs: { using: string; steps: Step[] };
};

/** GitHub's `${{ inputs.a || inputs.b }}`, for the little of it action.yml uses. */
function expression(text: string, inputs: Record<string, string>): string {
  return text.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_, expr: string) => {
    for (const part of expr.split('||').map((p) => p.trim())) {
      const value = inputs[part.replace(/^inputs\./, '')] ?? '';
      if (value !== '') return value;
    }
    return '';
  });
}

function runAction(given: Record<string, string>): { name: string; status: number | null; stdout: string }[] {
  const inputs = { ...Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, v.default])), command: EP, ...given };
  const results = [];
  for (const step of action.runs.steps) {
    expect(step.run).not.toContain('${{');
    const env = Object.fromEntries(Object.entries(step.env).map(([k, v]) => [k, expression(v, inputs)]));
    const run = spawnSync('bash', ['-e', '-c', step.run], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
    results.push({ name: step.name, status: run.status, stdout: run.stdout });
    if (run.status !== 0) break;
  }
  return results;
}

describe('action.yml (composite GitHub Action)', () => {
  it('is a composite action with a validate and a test step', () => {
    expect(action.runs.using).toBe('composite');
    expect(action.runs.steps.map((s) => s.shell)).toEqual(['bash', 'bash']);
  });

  it('passes the bundled protocols with --strict (their oddities accepted), annotating, then runs their scenarios', () => {
    const [validate, test] = runAction({ paths: 'protocols/', strict: 'true', today: '2026-12-21' });
    expect(validate).toMatchObject({ status: 0 });
    expect(validate!.stdout).toMatch(/^::notice file=protocols\/oxfordshire\.json,line=\d+,col=\d+::lint\/skip-over-stage .*\(accepted: /m);
    expect(validate!.stdout).not.toMatch(/^::(warning|error) /m);
    expect(test).toMatchObject({ status: 0 });
    expect(test!.stdout).toMatch(/\d+ passed, 0 failed/);
  });

  it('fails on a broken file, with an error annotation on its line, and does not run the tests', () => {
    const results = runAction({ paths: 'docs/examples/mistakes/' });
    expect(results).toHaveLength(1);
    expect(results[0]!.status).toBe(1);
    expect(results[0]!.stdout).toMatch(/^::error file=docs\/examples\/mistakes\/westshire\.json,line=20,col=65::schema\/unknown-key/m);
  });

  it('fails a scenario that fails', () => {
    const dir = tempDir();
    copyFileSync(fixture('fixture.json'), join(dir, 'fixture.json'));
    const scenarios = readFileSync(fixture('fixture.scenarios.json'), 'utf8').replace('"stage-4": "2027-01-18"', '"stage-4": "2027-01-19"');
    writeFileSync(join(dir, 'fixture.scenarios.json'), scenarios);
    const [validate, test] = runAction({ paths: dir });
    expect(validate!.status).toBe(0);
    expect(test!.status).toBe(1);
  });
});

interface Hook {
  readonly id: string;
  readonly entry: string;
  readonly language: string;
  readonly files: string;
  readonly exclude?: string;
}
const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const hook = (id: string): Hook => hooks.find((h) => h.id === id)!;

/** pre-commit runs `entry` with the staged files that match `files` and not `exclude` appended. */
function runHook(h: Hook, files: readonly string[]) {
  const picked = files.filter((f) => new RegExp(h.files).test(f) && !(h.exclude && new RegExp(h.exclude).test(f)));
  const [bin, ...args] = h.entry.split(' ');
  expect(bin).toBe('escalation-protocols');
  const run = spawnSync(process.execPath, [CLI, ...args, ...picked], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { picked, status: run.status, stdout: run.stdout };
}

describe('.pre-commit-hooks.yaml', () => {
  it('validate: picks protocol files (not scenario files), passes a sound one and fails a broken one', () => {
    const h = hook('escalation-protocols-validate');
    expect(h.language).toBe('node');
    const sound = runHook(h, ['protocols/swindon.json', 'protocols/swindon.scenarios.json', 'README.md']);
    expect(sound.picked).toEqual(['protocols/swindon.json']);
    expect(sound.status).toBe(0);
    const broken = runHook(h, ['test/cli/fixtures/broken.json']);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toMatch(/^test\/cli\/fixtures\/broken\.json:\d+:\d+ error /m);
  });

  it('test: picks scenario files, and fails on a failing one', () => {
    const h = hook('escalation-protocols-test');
    const dir = tempDir();
    copyFileSync(fixture('fixture.json'), join(dir, 'fixture.json'));
    writeFileSync(
      join(dir, 'fixture.scenarios.json'),
      readFileSync(fixture('fixture.scenarios.json'), 'utf8').replace('"stage-4": "2027-01-18"', '"stage-4": "2027-01-19"'),
    );
    const failing = runHook(h, [join(dir, 'fixture.json'), join(dir, 'fixture.scenarios.json')]);
    expect(failing.picked).toEqual([join(dir, 'fixture.scenarios.json')]);
    expect(failing.status).toBe(1);
    expect(runHook(h, ['protocols/swindon.scenarios.json']).status).toBe(0);
  });
});
