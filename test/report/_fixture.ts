// A three-stage procedure and a handful of cases in February 2027 (no bank holidays that month),
// small enough that every figure of the report can be worked out by hand in the tests.
import { createRegistry, parseProtocolOrThrow, type ProtocolInput, type ReportCase } from '../../src/index.js';

export const testshireInput = {
  id: 'testshire',
  title: 'Testshire resolution procedure',
  partnership: 'Testshire Partnership',
  version: '1',
  effectiveFrom: '2024-01-01',
  reviewBy: '2028-01-01',
  source: { title: 'Testshire', publisher: 'Tests' },
  scope: { subjects: ['child'] },
  roles: [
    { id: 'practitioner', title: 'Practitioner', side: 'raising' },
    { id: 'manager', title: 'Manager', side: 'raising' },
    { id: 'other-practitioner', title: 'Other practitioner', side: 'receiving' },
    { id: 'other-manager', title: 'Other manager', side: 'receiving' },
    { id: 'chair', title: 'Partnership chair', side: 'independent' },
  ],
  records: [
    { id: 'discussion', title: 'Record of the discussion', kind: 'note' },
    { id: 'form', title: 'Escalation form', kind: 'form', noChildOrFamilyDetails: true },
  ],
  stages: [
    {
      id: 'stage-1',
      title: 'Practitioners',
      owners: ['practitioner', 'other-practitioner'],
      requires: ['discussion'],
      obligations: [{ id: 's1-discuss', action: 'Discuss', owner: 'practitioner', due: { within: '2wd', from: 'disagreement' } }],
    },
    {
      id: 'stage-2',
      title: 'Managers',
      owners: ['manager', 'other-manager'],
      requires: ['form'],
      obligations: [
        { id: 's2-form', action: 'Send the form', owner: 'manager', record: 'form', due: { within: '3wd' } },
        { id: 's2-respond', action: 'Respond', owner: 'other-manager', due: { within: '5wd' } },
      ],
    },
    {
      id: 'stage-3',
      title: 'Partnership',
      owners: ['chair'],
      obligations: [{ id: 's3-decide', action: 'Decide', owner: 'chair', due: { within: '10wd' } }],
    },
  ],
  bypass: [
    {
      id: 'immediate-risk',
      trigger: 'Immediate risk of significant harm',
      action: 'Refer to MASH',
      owner: 'practitioner',
      due: { within: 'sameWorkingDay', from: 'bypassed' },
      effect: { type: 'exitTo', procedure: 'Child protection procedures' },
    },
  ],
} satisfies ProtocolInput;

export const testshire = parseProtocolOrThrow(testshireInput);
export const registry = createRegistry([testshire]);

const v1 = { id: 'testshire', version: '1' } as const;
const opened = (at: string, raisingAgency: string, receivingAgency: string) =>
  ({ type: 'opened', at, subject: 'child', raisingAgency, receivingAgency }) as const;

/** Text that a report must never show unless asked: names, notes, outcomes' wording. */
export const PRIVATE = {
  name: 'A. Person',
  note: 'private note',
  outcome: 'Agreed a strategy meeting',
  childNote: 'discussed with Mrs X',
  reason: 'no longer needed',
};
/** Text on a record marked noChildOrFamilyDetails: never shown, whatever is asked. */
export const FORBIDDEN = { name: 'B. Name', note: 'form note' };

// February 2027: Monday 1, 8, 15, 22; no bank holiday. "now" is Friday 5 March 2027, 12:00.
export const NOW = '2027-03-05T12:00';

export const cases: ReportCase[] = [
  {
    id: 'A',
    protocol: v1,
    events: [
      opened('2027-02-01T09:00', 'School', 'CSC'),
      { type: 'recorded', at: '2027-02-02T10:00', record: 'discussion' },
      { type: 'escalated', at: '2027-02-03T10:00' },
      { type: 'recorded', at: '2027-02-04T10:00', record: 'form' },
      { type: 'resolved', at: '2027-02-08T15:00', outcome: PRIVATE.outcome, by: PRIVATE.name, note: PRIVATE.note },
      { type: 'closed', at: '2027-02-09T09:00' },
    ],
  },
  {
    id: 'B',
    protocol: v1,
    events: [
      opened('2027-02-02T09:00', 'GP', 'CSC'),
      { type: 'escalated', at: '2027-02-05T09:00' },
      // After "now": it must not count.
      { type: 'resolved', at: '2027-03-08T10:00', outcome: 'later' },
    ],
  },
  {
    id: 'C',
    protocol: v1,
    events: [
      opened('2027-02-08T09:00', 'School', 'Health'),
      { type: 'recorded', at: '2027-02-08T11:00', record: 'discussion', note: PRIVATE.childNote },
      { type: 'bypassed', at: '2027-02-09T09:00', rule: 'immediate-risk' },
    ],
  },
  {
    id: 'D',
    protocol: v1,
    events: [opened('2027-02-10T09:00', 'Police', 'CSC'), { type: 'withdrawn', at: '2027-02-11T09:00', reason: PRIVATE.reason }],
  },
  {
    id: 'E',
    protocol: v1,
    events: [
      opened('2027-02-15T09:00', 'School', 'CSC'),
      { type: 'recorded', at: '2027-02-15T10:00', record: 'discussion' },
      { type: 'escalated', at: '2027-02-16T09:00' },
      { type: 'recorded', at: '2027-02-22T09:00', record: 'form', by: FORBIDDEN.name, note: FORBIDDEN.note },
      { type: 'escalated', at: '2027-02-24T09:00' },
    ],
  },
  // Opened in January: outside the period.
  { id: 'F', protocol: v1, events: [opened('2027-01-20T09:00', 'School', 'CSC')] },
  // Stage 1 straight to stage 3: refused by the engine.
  {
    id: 'H',
    protocol: v1,
    events: [opened('2027-02-03T09:00', 'School', 'CSC'), { type: 'escalated', at: '2027-02-04T09:00', to: 'stage-3' }],
  },
  // A version the registry does not hold.
  { id: 'I', protocol: { id: 'testshire', version: '9' }, events: [opened('2027-02-03T09:00', 'School', 'CSC')] },
];

export const PERIOD = { registry, from: '2027-02-01', to: '2027-02-28', now: NOW } as const;
