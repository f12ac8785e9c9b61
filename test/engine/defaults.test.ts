// #15: the fold finds the stage an opening without "stage" starts at, and the stage an escalation
// without "to" goes to, once per protocol rather than by name per case. Those defaults must stay
// the very moves that name the stage: the first stage, and the next one.
import { describe, expect, it } from 'vitest';
import { BUNDLED_PROTOCOL_IDS, getProtocol, status, type Case, type CaseEvent } from '../../src/index.js';

const at = (day: number): string => `2026-03-${String(day).padStart(2, '0')}T10:00:00Z`;

describe.each(BUNDLED_PROTOCOL_IDS)('%s: the defaults of "stage" and "to" are the moves that name them', (id) => {
  const protocol = getProtocol(id);
  const kase = (events: CaseEvent[]): Case => ({ protocol: { id: protocol.id, version: protocol.version }, events });

  it.each(protocol.scope.subjects)('for a case about a %s, up every stage the ordinary route allows', (subject) => {
    const opening = { type: 'opened', at: at(2), subject, raisingAgency: 'School', receivingAgency: 'CSC' } as const;
    const implicit: CaseEvent[] = [opening];
    const named: CaseEvent[] = [{ ...opening, stage: protocol.stages[0]!.id }];
    // Escalate while the protocol accepts an escalation that names no stage (a last stage, or a
    // path condition, stops it), naming the next stage in the other log.
    for (let day = 3; day < 3 + protocol.stages.length; day++) {
      const result = status(protocol, kase(implicit), at(day));
      if (!result.success) throw new Error(result.refusal.message);
      const next = result.status.allowed.find((m) => m.type === 'escalated' && !m.skip);
      if (next === undefined || next.type !== 'escalated') break;
      implicit.push({ type: 'escalated', at: at(day) });
      named.push({ type: 'escalated', at: at(day), to: next.to });
    }
    const now = at(28);
    expect(status(protocol, kase(implicit), now)).toEqual(status(protocol, kase(named), now));
    expect(implicit.length).toBeGreaterThan(1);
  });
});

// The defaults are found by id, as the per-case lookup found them: with two stages of one id (only a
// hand-built protocol can have them; parsing refuses it), a move that names no stage still does what
// naming that id does, whatever that is (here both refuse: the id names the later stage).
describe('a hand-built protocol with two stages of one id', () => {
  const swindon = getProtocol('swindon');
  const [first, second, ...rest] = swindon.stages;
  const opening = { type: 'opened', at: at(2), subject: 'child', raisingAgency: 'School', receivingAgency: 'CSC' } as const;
  const run = (protocol: typeof swindon, events: CaseEvent[]) =>
    status(protocol, { protocol: { id: protocol.id, version: protocol.version }, events }, at(4));

  it('escalates without "to" as it does with "to" naming the next stage', () => {
    const twins = { ...swindon, stages: [first!, second!, { ...second!, title: 'The same id again' }, ...rest] };
    const implicit = run(twins, [opening, { type: 'escalated', at: at(3) }]);
    expect(implicit).toEqual(run(twins, [opening, { type: 'escalated', at: at(3), to: second!.id }]));
    // Not what the next stage by place would give.
    expect(implicit).not.toEqual(run(swindon, [opening, { type: 'escalated', at: at(3) }]));
  });

  it('opens without "stage" as it does with "stage" naming the first stage', () => {
    const twins = { ...swindon, stages: [first!, { ...first!, title: 'The first id again' }, second!, ...rest] };
    const implicit = run(twins, [opening]);
    expect(implicit).toEqual(run(twins, [{ ...opening, stage: first!.id }]));
    expect(implicit).not.toEqual(run(swindon, [opening]));
  });
});
