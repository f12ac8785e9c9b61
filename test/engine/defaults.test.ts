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
