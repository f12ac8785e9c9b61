import { describe, expect, it } from 'vitest';
import { BUNDLED_PROTOCOL_IDS, ProtocolError, bundledRegistry, getProtocol, plan } from '../../src/index.js';

describe('getProtocol', () => {
  it('returns each bundled protocol, parsed, from the package itself', () => {
    expect(BUNDLED_PROTOCOL_IDS).toEqual(['oxfordshire', 'swindon', 'rotherham', 'rotherham-cp-challenge', 'croydon', 'north-yorkshire']);
    for (const id of BUNDLED_PROTOCOL_IDS) expect(getProtocol(id).id).toBe(id);
    expect(getProtocol('swindon')).toBe(getProtocol('swindon'));
  });

  it('refuses an unknown id, naming the bundled ones', () => {
    expect(() => getProtocol('swindn' as never)).toThrow(ProtocolError);
    expect(() => getProtocol('swindn' as never)).toThrow(/swindon/);
  });

  it('the registry finds the version in force', () => {
    expect(bundledRegistry().inForce('croydon', '2026-12-21')?.id).toBe('croydon');
  });
});

// The documents' own arithmetic over the 2026 Christmas holidays (issue: bundled protocols, "Must show").
describe('plans from Monday 2026-12-21', () => {
  const dates = (id: Parameters<typeof getProtocol>[0]) => plan(getProtocol(id), { from: '2026-12-21' }).stages.map((s) => s.dueDate);

  it("Swindon: 23 Dec, 4, 11, 18 Jan (the form's Day 17), referral 25 Jan", () => {
    const swindon = plan(getProtocol('swindon'), { from: '2026-12-21' });
    expect(dates('swindon').slice(0, 5)).toEqual(['2026-12-23', '2027-01-04', '2027-01-11', '2027-01-18', '2027-01-25']);
    expect(swindon.stages[3]!.workingDay).toBe(17);
  });

  it('Croydon: 4, 13, 22 Jan, 2 and 11 Feb', () => {
    expect(dates('croydon')).toEqual(['2027-01-04', '2027-01-13', '2027-01-22', '2027-02-02', '2027-02-11']);
  });

  it('North Yorkshire: the panel no later than 12 Jan, the 13-working-day ceiling', () => {
    const ny = plan(getProtocol('north-yorkshire'), { from: '2026-12-21' });
    const panel = ny.stages.find((s) => /panel/i.test(s.title))!;
    expect(panel.dueDate).toBe('2027-01-12');
    expect(panel.workingDay).toBe(13);
  });

  it('Rotherham: no numeric timescale, so no dates', () => {
    expect(dates('rotherham').every((d) => d === null)).toBe(true);
  });
});
