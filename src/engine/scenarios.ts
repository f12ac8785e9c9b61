// Scenario files: a policy author's tests, written as data beside each protocol. A scenario is a
// timeline of events with checks between them ("on this date, this obligation is due then and is
// overdue"), and optionally a projected plan. The runner is pure; the CLI and the test suite read
// the files and call it.

import * as z from 'zod';
import { lazily } from '../protocol/_lazy.js';
import { fromZod } from '../protocol/_fromZod.js';
import type { ProtocolIssue } from '../protocol/issues.js';
import { strict, type Protocol } from '../protocol/schema.js';
import { createCalendar, type CalendarLike } from '../time/calendar.js';
import { TimeError } from '../time/timeError.js';
import { applyEvent } from './applyEvent.js';
import { plan } from './plan.js';
import { status } from './status.js';
import type { AllowedMove, Case, CaseEvent, CaseStatus } from './types.js';

// Built on first use, like the protocol schemas (#15): the import path never parses a scenario file.
function buildScenarioSchemas() {
  const DateOrNull = z.string().nullable();

  const CheckSchema = strict({
    now: z.string(),
    phase: z.enum(['open', 'resolved', 'withdrawn', 'exited', 'closed']).optional(),
    stage: z.string().optional(),
    obligations: z
      .record(
        z.string(),
        strict({ state: z.string().optional(), due: DateOrNull.optional(), target: DateOrNull.optional(), words: z.string().optional() }),
      )
      .optional(),
    missingRecords: z.array(z.string()).optional().describe('"stage/record" for every required record not made, in order.'),
    allowed: z.array(z.string()).optional().describe('Moves allowed now, as "escalated:stage-2", "resolved", "bypassed", ...'),
    exitedTo: z.string().nullable().optional(),
    overdue: z.number().int().optional(),
  });

  const StepSchema = z.union([
    strict({ check: CheckSchema, why: z.string().optional() }),
    z.looseObject({
      type: z.string(),
      at: z.string(),
      expectRefusal: z.string().optional(),
      why: z.string().optional(),
      now: z.string().optional().describe('The clock when the event is applied: a later "at" is refused (engine/event-in-future).'),
    }),
  ]);

  const ScenarioSchema = strict({
    name: z.string().min(1),
    route: z.string().optional().describe('Which route of the document this exercises.'),
    why: z.string().optional(),
    closures: z.array(z.union([z.string(), strict({ from: z.string(), to: z.string(), name: z.string().optional() })])).optional(),
    plan: strict({
      from: z.string(),
      subject: z.enum(['child', 'adult', 'careLeaver']).optional(),
      dueDates: z.record(z.string(), DateOrNull),
    }).optional(),
    steps: z.array(StepSchema).optional(),
  });

  const ScenarioFileSchema = strict({
    $schema: z.string().optional(),
    protocol: z.string().describe('The id of the protocol the scenarios test.'),
    notes: z.array(z.string()).optional(),
    scenarios: z.array(ScenarioSchema).min(1),
  });
  return { CheckSchema, ScenarioSchema, ScenarioFileSchema };
}

let built: ReturnType<typeof buildScenarioSchemas> | undefined;
const schemas = (): ReturnType<typeof buildScenarioSchemas> => {
  built ??= buildScenarioSchemas();
  return built;
};
type CheckSchema = ReturnType<typeof buildScenarioSchemas>['CheckSchema'];
type ScenarioSchema = ReturnType<typeof buildScenarioSchemas>['ScenarioSchema'];

/** The format of a `*.scenarios.json` file. */
export const ScenarioFileSchema: ReturnType<typeof buildScenarioSchemas>['ScenarioFileSchema'] = lazily(() => schemas().ScenarioFileSchema);

/** A scenario file as an author writes it. */
export type ScenarioFile = z.input<typeof ScenarioFileSchema>;

/** One expectation that did not hold. */
export interface ScenarioFailure {
  /** Where: e.g. `step 4 check/obligations/stage-2-discussion/due`. */
  readonly where: string;
  readonly expected: unknown;
  readonly actual: unknown;
}

/** The outcome of one scenario. */
export interface ScenarioResult {
  readonly name: string;
  readonly passed: boolean;
  /** How many expectations were checked. */
  readonly expectations: number;
  readonly failures: readonly ScenarioFailure[];
}

/** The result of {@link runScenarios}. */
export type ScenarioRunResult =
  | { readonly success: true; readonly results: readonly ScenarioResult[] }
  | { readonly success: false; readonly issues: readonly ProtocolIssue[] };

const moveName = (m: AllowedMove): string => (m.type === 'escalated' ? `escalated:${m.to}` : m.type);

class Expectations {
  readonly failures: ScenarioFailure[] = [];
  count = 0;
  equal(where: string, expected: unknown, actual: unknown): void {
    this.count++;
    if (JSON.stringify(expected) !== JSON.stringify(actual)) this.failures.push({ where, expected, actual });
  }
}

function runCheck(e: Expectations, where: string, check: z.output<CheckSchema>, s: CaseStatus): void {
  if (check.phase !== undefined) e.equal(`${where}/phase`, check.phase, s.phase);
  if (check.stage !== undefined) e.equal(`${where}/stage`, check.stage, s.stage.id);
  if (check.exitedTo !== undefined) e.equal(`${where}/exitedTo`, check.exitedTo, s.exitedTo);
  if (check.overdue !== undefined) e.equal(`${where}/overdue`, check.overdue, s.counts.overdue);
  if (check.missingRecords !== undefined)
    e.equal(
      `${where}/missingRecords`,
      check.missingRecords,
      s.missingRecords.map((r) => `${r.stage}/${r.record}`),
    );
  if (check.allowed !== undefined) e.equal(`${where}/allowed`, [...check.allowed].sort(), [...new Set(s.allowed.map(moveName))].sort());
  for (const [id, expected] of Object.entries(check.obligations ?? {})) {
    const actual = s.obligations.find((o) => o.id === id);
    if (!actual) {
      e.equal(`${where}/obligations/${id}`, 'present', 'absent');
      continue;
    }
    if (expected.state !== undefined) e.equal(`${where}/obligations/${id}/state`, expected.state, actual.state);
    if (expected.due !== undefined) e.equal(`${where}/obligations/${id}/due`, expected.due, actual.due?.date ?? null);
    if (expected.target !== undefined) e.equal(`${where}/obligations/${id}/target`, expected.target, actual.target?.date ?? null);
    if (expected.words !== undefined) e.equal(`${where}/obligations/${id}/words`, expected.words, actual.words);
  }
}

function runScenario(protocol: Protocol, scenario: z.output<ScenarioSchema>): ScenarioResult {
  const e = new Expectations();
  const calendar: CalendarLike = scenario.closures
    ? createCalendar({ region: protocol.scope.region, closures: scenario.closures })
    : protocol.scope.region;
  try {
    if (scenario.plan) {
      const projected = plan(protocol, {
        from: scenario.plan.from,
        calendar,
        ...(scenario.plan.subject ? { subject: scenario.plan.subject } : {}),
      });
      for (const [stage, date] of Object.entries(scenario.plan.dueDates)) {
        const planned = projected.stages.find((s) => s.id === stage);
        e.equal(`plan/${stage}`, date, planned ? planned.dueDate : 'no such stage');
      }
    }
    let kase: Case = { protocol: { id: protocol.id, version: protocol.version }, events: [] };
    (scenario.steps ?? []).forEach((step, i) => {
      if ('check' in step) {
        const check = step.check as z.output<CheckSchema>;
        const result = status(protocol, kase, check.now, { calendar });
        if (!result.success) e.equal(`step ${i + 1} check`, 'a status', result.refusal.message);
        else runCheck(e, `step ${i + 1} check`, check, result.status);
        return;
      }
      const { expectRefusal, why: _why, now, ...event } = step as Record<string, unknown>;
      const result = applyEvent(protocol, kase, event as unknown as CaseEvent, now === undefined ? {} : { now: now as string });
      if (expectRefusal !== undefined) e.equal(`step ${i + 1} refusal`, expectRefusal, result.success ? 'accepted' : result.refusal.code);
      else if (!result.success)
        e.equal(`step ${i + 1} ${String(event.type)}`, 'accepted', `${result.refusal.code}: ${result.refusal.message}`);
      if (result.success) kase = result.case;
    });
  } catch (error) {
    if (!(error instanceof TimeError)) throw error;
    e.equal('scenario', 'valid dates', error.message);
  }
  return { name: scenario.name, passed: e.failures.length === 0, expectations: e.count, failures: e.failures };
}

/**
 * Runs a scenario file against a protocol: plans are compared with their expected due dates, events
 * are applied in order (an event with `expectRefusal` must be refused with that code), and each
 * `check` compares the status at its `now` with what the author expects.
 *
 * @param protocol - the parsed protocol
 * @param file - the scenario file's JSON value
 * @returns each scenario's result, or the issues that make the file unreadable
 * @example
 * ```ts
 * const run = runScenarios(swindon, JSON.parse(readFileSync('protocols/swindon.scenarios.json', 'utf8')));
 * if (run.success) for (const r of run.results) console.log(r.passed ? 'ok' : 'FAIL', r.name);
 * ```
 */
export function runScenarios(protocol: Protocol, file: unknown): ScenarioRunResult {
  const parsed = schemas().ScenarioFileSchema.safeParse(file);
  if (!parsed.success) return { success: false, issues: fromZod(parsed.error.issues, file) };
  if (parsed.data.protocol !== protocol.id) {
    return {
      success: false,
      issues: [
        {
          code: 'schema/invalid-value',
          severity: 'error',
          path: ['protocol'],
          message: `The scenarios are for "${parsed.data.protocol}", not "${protocol.id}".`,
        },
      ],
    };
  }
  return { success: true, results: parsed.data.scenarios.map((scenario) => runScenario(protocol, scenario)) };
}
