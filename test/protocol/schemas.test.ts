// The public zod schemas are stand-ins built on first use (#15: building them at import was most of
// the import time). A user of ProtocolSchema must not be able to tell: these check that every use the
// schemas' TSDoc and the integrator's guide suggest behaves as on the schema itself.
import { readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as z from 'zod';
import {
  ConditionSchema,
  ProtocolSchema,
  ScenarioFileSchema,
  StageSchema,
  parseProtocol,
  type Condition,
  type Protocol,
  type ProtocolInput,
  type Stage,
} from '../../src/index.js';
import { schemas } from '../../src/protocol/schema.js';
import { fixture, fixtureInput } from '../engine/_fixture.js';

describe('the public schemas, built on first use', () => {
  it('parse a protocol file to what parseProtocol returns, and refuse a broken one with zod issues', () => {
    expect(ProtocolSchema.parse(fixtureInput)).toEqual(fixture);
    const broken = ProtocolSchema.safeParse({ ...fixtureInput, stages: [] });
    expect(broken.success).toBe(false);
    expect(broken.error?.issues.map((i) => i.path.join('.'))).toContain('stages');
    expect(() => ProtocolSchema.parse({})).toThrow(z.ZodError);
  });

  it('are zod schemas to instanceof and to zod functions, with the real schema behind them', () => {
    expect(ProtocolSchema instanceof z.ZodObject).toBe(true);
    expect(StageSchema instanceof z.ZodType).toBe(true);
    expect(ProtocolSchema._zod.def).toBe(schemas().ProtocolSchema._zod.def);
    expect(Object.keys(ProtocolSchema.shape)).toEqual(Object.keys(schemas().ProtocolSchema.shape));
    const options = { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' } as const;
    expect(z.toJSONSchema(ProtocolSchema, options)).toEqual(z.toJSONSchema(schemas().ProtocolSchema, options));
  });

  it('compose into a user schema and extend', () => {
    const stages = z.array(StageSchema).min(1);
    expect(stages.safeParse(fixtureInput.stages).success).toBe(true);
    expect(stages.safeParse([{ id: 'Stage 1' }]).success).toBe(false);
    const stamped = ProtocolSchema.extend({ importedAt: z.string() });
    expect(stamped.safeParse({ ...fixtureInput, importedAt: 'today' }).success).toBe(true);
    expect(ProtocolSchema.safeParse({ ...fixtureInput, importedAt: 'today' }).success).toBe(false);
  });

  it('keep the language 2 and scenario file schemas working the same way', () => {
    expect(ConditionSchema.parse({ all: [{ fact: 'priority', is: 'high' }, { not: { visited: 'stage-2' } }] })).toEqual({
      all: [{ fact: 'priority', is: 'high' }, { not: { visited: 'stage-2' } }],
    });
    expect(ConditionSchema.safeParse({ fact: 'x', visited: 'y' }).success).toBe(false);
    const file = JSON.parse(readFileSync(new URL('../engine/fixture.scenarios.json', import.meta.url), 'utf8'));
    expect(ScenarioFileSchema.safeParse(file).success).toBe(true);
    expect(ScenarioFileSchema.safeParse({ ...file, scenarios: [] }).success).toBe(false);
    expect(ScenarioFileSchema instanceof z.ZodObject).toBe(true);
  });

  it('give the same types as before', () => {
    expectTypeOf<z.infer<typeof ProtocolSchema>>().toEqualTypeOf<Protocol>();
    expectTypeOf<z.input<typeof ProtocolSchema>>().toEqualTypeOf<ProtocolInput>();
    expectTypeOf<z.output<typeof StageSchema>>().toEqualTypeOf<Stage>();
    expectTypeOf<z.output<typeof ConditionSchema>>().toEqualTypeOf<Condition>();
    const parsed = parseProtocol(fixtureInput);
    if (parsed.success) expectTypeOf(parsed.protocol).toEqualTypeOf<Protocol>();
  });
});
