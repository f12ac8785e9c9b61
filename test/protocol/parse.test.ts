import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ProtocolError,
  createRegistry,
  loadProtocol,
  parseProtocol,
  parseProtocolOrThrow,
  toJSONSchema,
  ISSUE_CODES,
  lintProtocol,
  locateIssues,
} from '../../src/index.js';
import { loadProtocolPlaced } from '../../src/protocol/parse.js';
import { fixture, fixtureInput, fixtureV2 } from '../engine/_fixture.js';

describe('parseProtocol never throws', () => {
  it('on arbitrary JSON values, returning a protocol or at least one issue', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = parseProtocol(value);
        return result.success || result.issues.length > 0;
      }),
      { numRuns: 500 },
    );
  });

  it('on arbitrary values mixed into a valid protocol', () => {
    const keys = ['id', 'scope', 'roles', 'stages', 'bypass', 'records', 'version', 'ceiling'] as const;
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.anything(), (key, value) => {
        const result = parseProtocol({ ...fixtureInput, [key]: value });
        return result.success || result.issues.every((i) => typeof i.code === 'string' && i.code in ISSUE_CODES);
      }),
      { numRuns: 500 },
    );
  });

  it('on any text, returning a protocol or at least one issue with a position', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const result = loadProtocol(text);
        return result.success || (result.issues.length > 0 && result.issues.every((i) => i.line === undefined || i.line >= 1));
      }),
    );
  });

  it('refuses cycles and absurd nesting with an issue instead of a stack overflow', () => {
    const cyclic: Record<string, unknown> = { ...fixtureInput };
    cyclic.self = cyclic;
    expect(parseProtocol(cyclic)).toMatchObject({ success: false, issues: [{ code: 'json/too-deep' }] });
    let deep: unknown = {};
    for (let i = 0; i < 100_000; i++) deep = { earliestOf: [deep, deep] };
    expect(parseProtocol({ ...fixtureInput, ceiling: deep })).toMatchObject({ success: false, issues: [{ code: 'json/too-deep' }] });
    const text = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(loadProtocol(text)).toMatchObject({ success: false, issues: [{ code: 'json/too-deep' }] });
  });
});

describe('__proto__ cannot pollute', () => {
  it('a "__proto__" key in a file is an unknown key, and Object.prototype is untouched', () => {
    const text = JSON.stringify({ ...fixtureInput }).replace('{', '{"__proto__": {"polluted": true},');
    const result = loadProtocol(text);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.issues.map((i) => i.code)).toContain('schema/unknown-key');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('"__proto__" nested anywhere is data, not a prototype', () => {
    const result = loadProtocol('{"roles": [{"__proto__": {"isAdmin": true}, "id": "x"}]}');
    expect(result.success).toBe(false);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });
});

describe('a parsed protocol', () => {
  it('has defaults filled in and is deep-frozen', () => {
    expect(fixture.scope.region).toBe('england-and-wales');
    expect(fixture.stages[0]!.canResolve).toBe(true);
    expect(Object.isFrozen(fixture.stages[0]!.obligations[0])).toBe(true);
  });

  it('does not mutate its input', () => {
    const input = structuredClone(fixtureInput);
    parseProtocol(input);
    expect(input).toEqual(fixtureInput);
  });

  it('parseProtocolOrThrow keeps every issue on one error class', () => {
    try {
      parseProtocolOrThrow({ ...fixtureInput, roles: [] });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ProtocolError);
      expect((error as ProtocolError).issues[0]).toMatchObject({ code: 'schema/too-small', path: ['roles'] });
    }
  });

  it('accepts JSON with comments and trailing commas', () => {
    const text = `// header\n${JSON.stringify(fixtureInput, null, 2).replace(/\n}$/, ',\n /* end */ }')}`;
    expect(loadProtocol(text).success).toBe(true);
  });
});

describe('semantic checks', () => {
  it('variants must give every subject in scope an owner', () => {
    const stages = fixtureInput.stages.map((s) => (s.id === 'stage-5' ? { ...s, variants: [s.variants![0]!] } : s));
    const result = parseProtocol({ ...fixtureInput, stages });
    expect(result).toMatchObject({ success: false, issues: [{ code: 'check/no-owner', path: ['stages', 4, 'owners'] }] });
  });

  it('a skip backwards is refused', () => {
    const stages = fixtureInput.stages.map((s) => (s.id === 'stage-3' ? { ...s, skips: [{ to: 'stage-1' }] } : s));
    expect(parseProtocol({ ...fixtureInput, stages })).toMatchObject({ success: false, issues: [{ code: 'check/skip-backwards' }] });
  });

  it('a record that must hold no child details cannot have a field for a name', () => {
    const records = [
      {
        id: 'form',
        title: 'Template',
        kind: 'form',
        noChildOrFamilyDetails: true,
        fields: [{ id: 'child', label: 'Name and D.O.B of the child' }],
      },
    ];
    expect(parseProtocol({ ...fixtureInput, records: [...fixtureInput.records.filter((r) => r.id !== 'form'), ...records] })).toMatchObject(
      {
        success: false,
        issues: [{ code: 'check/forbidden-field' }],
      },
    );
  });

  it('no stage that can resolve means no way to finish', () => {
    const stages = fixtureInput.stages.map((s) => ({ ...s, canResolve: false }));
    expect(parseProtocol({ ...fixtureInput, stages })).toMatchObject({ success: false, issues: [{ code: 'check/no-finish' }] });
  });
});

describe('the registry', () => {
  const registry = createRegistry([fixtureV2, fixture]);

  it('picks the version in force on a date', () => {
    expect(registry.inForce('fixture', '2026-12-21')?.version).toBe('1');
    expect(registry.inForce('fixture', '2027-01-01')?.version).toBe('2');
    expect(registry.inForce('fixture', '2023-12-31')).toBeUndefined();
  });

  it('finds an exact version, and lists versions oldest first', () => {
    expect(registry.get('fixture', '1')).toBe(fixture);
    expect(registry.versions('fixture').map((p) => p.version)).toEqual(['1', '2']);
    expect(registry.with().all).toHaveLength(2);
  });
});

describe('JSON Schema', () => {
  it('the shipped schema.json is current (regenerate with `npm run generate`)', () => {
    const shipped = JSON.parse(readFileSync(join(import.meta.dirname, '../../schema.json'), 'utf8'));
    expect(shipped).toEqual(toJSONSchema());
  });

  it('describes the top-level keys, forbids unknown ones, and requires the identity', () => {
    const schema = toJSONSchema() as { properties: Record<string, unknown>; required: string[]; additionalProperties: boolean };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['id', 'stages', 'bypass', 'scope', 'roles', 'records']));
    expect(schema.required).toEqual(
      expect.arrayContaining(['id', 'title', 'partnership', 'version', 'effectiveFrom', 'source', 'scope', 'roles', 'stages']),
    );
    expect(schema.additionalProperties).toBe(false);
  });
});

describe('shared objects are not cycles', () => {
  it("one timescale object used by several obligations (a TypeScript author's constant) parses", () => {
    const due = { within: '5wd' };
    const stages = fixtureInput.stages.map((s) => (s.obligations ? { ...s, obligations: s.obligations.map((o) => ({ ...o, due })) } : s));
    expect(parseProtocol({ ...fixtureInput, stages }).success).toBe(true);
  });
});

describe("loadProtocolPlaced (the CLI's validate: each file read once)", () => {
  const dir = join(import.meta.dirname, '../../protocols');
  const swindon = readFileSync(join(dir, 'swindon.json'), 'utf8');
  const texts = [
    swindon,
    readFileSync(join(dir, 'oxfordshire.json'), 'utf8'),
    // A schema error, a semantic error, a key written twice, text that is not JSON, a byte-order mark.
    swindon.replace('"id": "swindon"', '"id": "Swindon!"'),
    swindon.replace(/"owner": "[a-z0-9-]+"/, '"owner": "nobody-at-all"'),
    swindon.replace('"title":', '"title": "x", "title":'),
    swindon.slice(0, 500),
    `\uFEFF${swindon}`,
  ];

  it('finds what loadProtocol finds, and places later findings as locateIssues does', () => {
    const codes = texts.map((text) => {
      const { result } = loadProtocolPlaced(text);
      return result.success ? 'ok' : result.issues[0]!.code.split('/')[0];
    });
    expect(codes).toEqual(['ok', 'ok', 'schema', 'check', 'json', 'json', 'ok']);
    for (const text of texts) {
      for (const input of [text, new TextEncoder().encode(text)]) {
        for (const keep of [true, false]) {
          const placed = loadProtocolPlaced(input, {}, keep);
          expect(placed.result).toEqual(loadProtocol(input));
          const { result } = placed;
          const later = result.success ? lintProtocol(result.protocol, { today: '2030-01-01' }) : [];
          if (result.success) expect(later.length).toBeGreaterThan(0);
          expect(placed.place(later)).toEqual(locateIssues(placed.text ?? '', later));
        }
      }
    }
  });
});
