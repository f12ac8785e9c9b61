// The messages a policy author sees for the mistakes they actually make, each with its line and
// column in the file. Each case edits one line of a valid protocol text.
import { describe, expect, it } from 'vitest';
import { loadProtocol } from '../../src/index.js';

const valid = `{
  // A small but complete protocol; comments are allowed.
  "id": "example",
  "title": "Resolving professional disagreements",
  "partnership": "Example Safeguarding Partnership",
  "version": "2026-01",
  "effectiveFrom": "2026-01-01",
  "reviewBy": "2028-01-01",
  "source": { "title": "Escalation policy", "publisher": "Example SP" },
  "scope": { "subjects": ["child"] },
  "roles": [
    { "id": "practitioner", "title": "Practitioner", "side": "raising" },
    { "id": "line-manager", "title": "Line manager", "side": "raising" },
    { "id": "head-of-service", "title": "Head of service", "side": "receiving" }
  ],
  "records": [
    { "id": "child-file", "title": "Entry on the child's file", "kind": "note" }
  ],
  "stages": [
    {
      "id": "stage-1",
      "title": "Discussion",
      "owners": ["practitioner"],
      "obligations": [
        { "id": "discuss", "action": "Discuss the concern", "owner": "practitioner", "due": { "within": "2wd", "from": "disagreement" } }
      ]
    },
    {
      "id": "stage-2",
      "title": "Managers",
      "owners": ["line-manager"],
      "requires": ["child-file"],
      "obligations": [
        { "id": "contact", "action": "Contact the other manager", "owner": "line-manager", "due": { "within": "5wd", "from": "completed:stage-1" } }
      ]
    },
    {
      "id": "stage-3",
      "title": "Heads of service",
      "owners": ["head-of-service"]
    }
  ],
  "bypass": [
    { "id": "immediate-risk", "trigger": "Immediate risk", "action": "Refer to MASH", "owner": "practitioner", "due": { "within": "sameWorkingDay", "from": "bypassed" }, "effect": { "type": "addObligation" } }
  ]
}
`;

/** Replaces the first occurrence of `from` with `to`, failing loudly if the fixture drifted. */
function edit(from: string, to: string): string {
  expect(valid).toContain(from);
  return valid.replace(from, to);
}

function findings(text: string): string[] {
  const result = loadProtocol(text);
  return result.success ? [] : result.issues.map((i) => `${i.line}:${i.column} ${i.severity} ${i.code} ${i.path.join('/')}: ${i.message}`);
}

describe('the valid fixture', () => {
  it('parses', () => {
    expect(findings(valid)).toEqual([]);
  });
});

describe('mistakes authors make', () => {
  it('1. a unit written in words: "5 days"', () => {
    expect(findings(edit('"within": "5wd"', '"within": "5 days"'))).toMatchInlineSnapshot(`
      [
        "34:111 error schema/invalid-duration stages/1/obligations/0/due/within: "5 days" is not a duration. Write "5wd" for working days or "5d" for calendar days. Write one of \`5wd\` (working days), \`24h\` (hours), \`7d\` (calendar days), \`6w\` (weeks), \`1mo\` (calendar months), \`immediately\` or \`sameWorkingDay\`.",
      ]
    `);
  });

  it('2. a bare number with no unit', () => {
    expect(findings(edit('"within": "2wd"', '"within": 2'))).toMatchInlineSnapshot(`
      [
        "25:105 error schema/invalid-duration stages/0/obligations/0/due/within: 2 is not a duration. A bare number has no unit: write "2wd" for working days or "2d" for calendar days. Write one of \`5wd\` (working days), \`24h\` (hours), \`7d\` (calendar days), \`6w\` (weeks), \`1mo\` (calendar months), \`immediately\` or \`sameWorkingDay\`.",
      ]
    `);
  });

  it('3. an unknown stage in an anchor', () => {
    expect(findings(edit('"from": "completed:stage-1"', '"from": "completed:stage-one"'))).toMatchInlineSnapshot(`
      [
        "34:126 error check/unknown-stage stages/1/obligations/0/due/from: No stage "stage-one". Stages: stage-1, stage-2, stage-3.",
      ]
    `);
  });

  it('4. a typo in a key', () => {
    expect(findings(edit('"title": "Managers"', '"titel": "Managers"'))).toMatchInlineSnapshot(`
      [
        "30:7 error schema/unknown-key stages/1/titel: Unknown key "titel". Did you mean "title"? Keys allowed here: id, title, owners, obligations, requires, canResolve, next, skips, entry, variants, requiresIf, onlyAfter, source.",
      ]
    `);
  });

  it('5. a missing owner', () => {
    expect(findings(edit('"owner": "practitioner", "due": { "within": "2wd"', '"due": { "within": "2wd"'))).toMatchInlineSnapshot(`
      [
        "25:9 error schema/missing-key stages/0/obligations/0/owner: Missing "owner": add the id of one of the roles declared in "roles".",
      ]
    `);
  });

  it('6. an owner that is not a declared role', () => {
    expect(findings(edit('"owner": "line-manager"', '"owner": "line-manger"'))).toMatchInlineSnapshot(`
      [
        "34:76 error check/unknown-role stages/1/obligations/0/owner: No role "line-manger" in "roles". Did you mean "line-manager"? Declared roles: practitioner, line-manager, head-of-service.",
      ]
    `);
  });

  it('7. a duplicate stage id', () => {
    expect(findings(edit('"id": "stage-3"', '"id": "stage-2"'))).toMatchInlineSnapshot(`
      [
        "38:13 error check/duplicate-id stages/2/id: Another stage already has the id "stage-2"; give each stage its own id.",
      ]
    `);
  });

  it('8. an unreachable stage (escalation switched off before it)', () => {
    expect(findings(edit('"owners": ["line-manager"],', '"owners": ["line-manager"], "next": false,'))).toMatchInlineSnapshot(`
      [
        "37:5 error check/unreachable-stage stages/2: No escalation, skip, entry or bypass leads to "stage-3": set "next" on the stage before it, or add a skip or "entry".",
      ]
    `);
  });

  it('9. a bypass to a stage that does not exist', () => {
    expect(
      findings(edit('"effect": { "type": "addObligation" }', '"effect": { "type": "jumpTo", "stage": "stage-9" }')),
    ).toMatchInlineSnapshot(`
      [
        "44:210 error check/unknown-stage bypass/0/effect/stage: No stage "stage-9". Did you mean "stage-1"? Stages: stage-1, stage-2, stage-3.",
      ]
    `);
  });

  it('10. an anchor measured from a later stage', () => {
    expect(findings(edit('"from": "completed:stage-1"', '"from": "entered:stage-3"'))).toMatchInlineSnapshot(`
      [
        "34:126 error check/anchor-order stages/1/obligations/0/due/from: An obligation of "stage-2" cannot be measured from "entered:stage-3", which happens later; use "stageEntered", "disagreement" or an earlier stage.",
      ]
    `);
  });

  it('11. an unknown subject', () => {
    expect(findings(edit('"subjects": ["child"]', '"subjects": ["children"]'))).toMatchInlineSnapshot(`
      [
        "10:27 error schema/invalid-value scope/subjects/0: "children" is not allowed for "subjects". Use one of "child", "adult", "careLeaver".",
      ]
    `);
  });

  it('12. a required record that is not declared', () => {
    expect(findings(edit('"requires": ["child-file"]', '"requires": ["childs-file"]'))).toMatchInlineSnapshot(`
      [
        "32:20 error check/unknown-record stages/1/requires/0: No record "childs-file" in "records". Did you mean "child-file"? Declare it there, or use one of: child-file.",
      ]
    `);
  });

  it('13. a date in the wrong form', () => {
    expect(findings(edit('"effectiveFrom": "2026-01-01"', '"effectiveFrom": "01/01/2026"'))).toMatchInlineSnapshot(`
      [
        "7:20 error schema/invalid-format effectiveFrom: "01/01/2026" is not a date: write it as "YYYY-MM-DD", e.g. "2026-01-31".",
      ]
    `);
  });

  it('14. an unknown bypass effect', () => {
    expect(findings(edit('"type": "addObligation"', '"type": "escalate"'))).toMatchInlineSnapshot(`
      [
        "44:191 error schema/invalid-value bypass/0/effect/type: "escalate" is not an effect type. Use one of "addObligation", "jumpTo", "exitTo".",
      ]
    `);
  });

  it('15. a misspelt timescale key', () => {
    expect(
      findings(edit('"due": { "within": "sameWorkingDay", "from": "bypassed" }', '"due": { "witin": "sameWorkingDay" }')),
    ).toMatchInlineSnapshot(`
      [
        "44:121 error schema/unknown-key bypass/0/due/witin: Unknown key "witin". Did you mean "within"? Keys allowed here: within, from, source.",
      ]
    `);
  });

  it('16. an unknown role side', () => {
    expect(findings(edit('"side": "receiving"', '"side": "recieving"'))).toMatchInlineSnapshot(`
      [
        "14:68 error schema/invalid-value roles/2/side: "recieving" is not allowed for "side". Did you mean "receiving"? Use one of "raising", "receiving", "independent", "unstated".",
      ]
    `);
  });

  it('17. a review date before the effective date', () => {
    expect(findings(edit('"reviewBy": "2028-01-01"', '"reviewBy": "2025-01-01"'))).toMatchInlineSnapshot(`
      [
        "8:15 error check/review-before-effective reviewBy: "reviewBy" (2025-01-01) is before "effectiveFrom" (2026-01-01); check both dates against the document.",
      ]
    `);
  });

  it('18. an id with capitals and spaces', () => {
    expect(findings(edit('"id": "stage-1"', '"id": "Stage 1"'))).toMatchInlineSnapshot(`
      [
        "21:13 error schema/invalid-format stages/0/id: "Stage 1" is not valid for "id": ids are lower-case letters, digits and hyphens, starting with a letter or digit, e.g. "stage-1".",
      ]
    `);
  });

  it('19. broken JSON: a missing comma', () => {
    expect(findings(edit('"version": "2026-01",', '"version": "2026-01"'))).toMatchInlineSnapshot(`
      [
        "7:3 error json/syntax : Not valid JSON: expected , or } after the value of "version".",
      ]
    `);
  });

  it('20. an empty list of roles', () => {
    expect(findings(valid.replace(/"roles": \[[^\]]*\]/, '"roles": []'))).toMatchInlineSnapshot(`
      [
        "11:12 error schema/too-small roles: "roles" needs at least 1 item.",
      ]
    `);
  });
});
