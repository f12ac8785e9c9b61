// #12: the duties a plan lists beside its stages (Plan.duties), on the every-construct fixture.
// From Mon 2026-12-21 (Christmas Day and Boxing Day on Fri 25 and Mon 28, New Year's Day Fri 1 Jan).
import { describe, expect, it } from 'vitest';
import { BUNDLED_PROTOCOL_IDS, getProtocol, parseProtocolOrThrow, plan } from '../../src/index.js';
import { everyConstruct, everyConstructInput } from '../render/_everyConstruct.js';

const result = plan(everyConstruct, { from: '2026-12-21' });
const duty = (id: string) => result.duties?.find((d) => d.id === id);

describe('plan lists duties beside the stages (#12)', () => {
  it("never moves a stage: the stages are the same without the arising duties and the duties' extras", () => {
    const plain = parseProtocolOrThrow({
      ...everyConstructInput,
      arising: undefined,
      stages: everyConstructInput.stages.map((s) => ({
        ...s,
        obligations: s.obligations.map(({ modality: _m, if: _i, every: _e, until: _u, ...o }: Record<string, unknown>) => o),
      })),
    } as never);
    expect(result.stages).toEqual(plan(plain, { from: '2026-12-21' }).stages);
  });

  it('a protocol with none of them has no duties key, so its plan reads as before', () => {
    expect(plan(getProtocol('north-yorkshire'), { from: '2026-12-21' })).not.toHaveProperty('duties');
  });

  it("lists Swindon's feedback beside its stages, owed only on resolution and dated from the stage's planned end", () => {
    const swindon = plan(getProtocol('swindon'), { from: '2026-12-21' });
    // Stage 4 ends on Mon 18 Jan 2027, "Day 17": resolved then, its feedback is due at once.
    expect(swindon.duties?.find((d) => d.id === 'stage-4-feedback')).toMatchObject({
      fromDate: '2027-01-18',
      dueDate: '2027-01-18',
      workingDay: 17,
    });
    expect(swindon.stages.map((s) => s.dueDate)).toEqual(['2026-12-23', '2027-01-04', '2027-01-11', '2027-01-18', '2027-01-25', null]);
  });

  it('marks an aim, a moment not before and an assumption for what they are', () => {
    expect(duty('respond')).toMatchObject({ timing: 'aim', dueDate: '2026-12-22', workingDay: 1 });
    // The panel meeting is planned at its 10-working-day limit (Thu 14 Jan); six weeks after it.
    expect(duty('check')).toMatchObject({ timing: 'notBefore', dueDate: '2027-02-25' });
    expect(duty('refer')).toMatchObject({ timing: 'assumed', dueDate: '2026-12-22', words: expect.stringContaining('urgently') });
  });

  it('says how a repeating duty recurs, and a condition or verb where there is one', () => {
    expect(duty('visit')).toMatchObject({ every: 'again every 1 calendar day until the Disagreement log', dueDate: '2026-12-22' });
    expect(duty('urgent')).toMatchObject({ onlyIf: 'owed only if "Priority" is "high"', dueDate: '2026-12-29' });
    expect(duty('consider')?.modality).toBe('may');
    expect(duty('agree')).toMatchObject({ modality: 'should', owners: ['practitioner', 'manager'] });
  });

  it('dates an arising duty from its event when the route has it, and not otherwise', () => {
    // Resolved at Stage 3 when it falls due (Thu 25 Feb): 2 working days is Mon 1 Mar.
    expect(duty('confirm-outcome')).toMatchObject({
      stage: null,
      fromDate: '2027-02-25',
      dueDate: '2027-03-01',
      onlyIf: 'owed only when the case is resolved at Stage 3: Panel; measured from it',
    });
    // Escalated into Stage 2 when Stage 1 falls due (Thu 24 Dec): 1 working day is Tue 29 Dec.
    expect(duty('tell-lead')).toMatchObject({ fromDate: '2026-12-24', dueDate: '2026-12-29' });
    // A withdrawal is not on the plan's route: listed, undated.
    expect(duty('learning')).toMatchObject({ timing: 'waiting', dueDate: null, fromDate: null });
  });

  it.each(BUNDLED_PROTOCOL_IDS)('%s: every listed duty has a stage of the plan or none', (id) => {
    const p = plan(getProtocol(id), { from: '2026-12-21' });
    for (const d of p.duties ?? []) expect(d.stage === null || p.stages.some((s) => s.id === d.stage)).toBe(true);
  });
});
