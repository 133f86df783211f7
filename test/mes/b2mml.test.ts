import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { loadLayoutText } from '../../src/model/load.ts';
import { processJobList } from '../../src/mes/b2mml.ts';
import { ApprovalRefused, freezeVersion } from '../../src/mes/version.ts';
import { manyLists, smallList } from './sampleLists.ts';
import { xmllintProblems } from './xmllint.ts';

const GOLDEN = new URL('../fixtures/mes/dl-0002.processJobList.xml', import.meta.url);

function kitchenLayout() {
  const text = readFileSync(new URL('../../layouts/kitchen-hardware.json', import.meta.url), 'utf8');
  const loaded = loadLayoutText(text, 'kitchen-hardware.json');
  if (!loaded.ok) throw new Error('sample layout does not load');
  return loaded.value;
}

describe('B2MML ProcessJobList', () => {
  it('is byte for byte the hand-checked document, and it validates', () => {
    const v = freezeVersion({ list: smallList(), approvedBy: 'A. Planner', reason: 'rush order o3', approvedAt: '2026-11-29T17:10:00Z' });
    expect(v.documents.b2mml).toBe(readFileSync(GOLDEN, 'utf8'));
    expect(xmllintProblems(v.documents.b2mml)).toBeNull();
  });

  it('carries each field of the dispatch list where the hand check put it', () => {
    const doc = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (n) => ['JobList', 'JobOrder', 'JobOrderParameter', 'ActionCriteria'].includes(n) })
      .parse(readFileSync(GOLDEN, 'utf8'));
    const root = doc.ProcessJobList;
    expect(root['@_xmlns']).toBe('http://www.mesa.org/xml/B2MML');
    expect(root['@_releaseID']).toBe('V0701');
    expect(root.ApplicationArea.BODID).toBe('dl-0002');
    expect(root.ApplicationArea.Sender.ConfirmationCode).toBe('Always');
    expect(root.ApplicationArea.Sender.AuthorizationID).toBe('A. Planner');
    expect(root.ApplicationArea.CreationDateTime).toBe('2026-11-29T17:10:00Z');
    expect(root.DataArea.Process['@_acknowledgeCode']).toBe('Always');
    expect(root.DataArea.Process.ActionCriteria.map((a: { ActionExpression: Record<string, string> }) => [a.ActionExpression['@_actionCode'], a.ActionExpression['#text']]))
      .toEqual([['Add', "JobList[Version='dl-0002']"], ['Replaced', "JobList[Version='dl-0001']"]]);
    const lists = root.DataArea.JobList;
    expect(lists.map((l: { ID: string }) => l.ID)).toEqual(['dl-0002:mill-1', 'dl-0002:lathe-1', 'dl-0002:saw-1']);
    const lathe = lists[1];
    expect(lathe.Version).toBe('dl-0002');
    expect([lathe.StartTime, lathe.EndTime]).toEqual(['2026-11-30T07:00:00+01:00', '2026-11-30T10:00:00+01:00']);
    expect(lathe.HierarchyScope).toEqual({ EquipmentID: 'lathe-1', EquipmentElementLevel: 'WorkUnit' });
    // Jobs in sequence order whatever their order in the file.
    expect(lathe.JobOrder.map((j: { ID: string }) => j.ID)).toEqual(['o1:turn', 'o3:turn']);
    const o3 = lathe.JobOrder[1];
    expect(o3.WorkMasterID).toBe('p1:turn');
    expect(o3.DispatchStatus).toBe('Dispatched');
    expect([o3.StartTime, o3.EndTime]).toEqual(['2026-11-30T09:30:00+01:00', '2026-11-30T10:00:00+01:00']);
    const params = Object.fromEntries(o3.JobOrderParameter.map((p: { ID: string; Value: { ValueString: string } }) => [p.ID, p.Value.ValueString]));
    expect(params).toEqual({ Sequence: '2', ChangeoverFrom: 'A', ChangeoverTo: 'C', ChangeoverMinutes: '7.5' });
    expect(o3.EquipmentRequirement.EquipmentID).toBe('lathe-1');
    expect(o3.MaterialRequirement.MaterialDefinitionID).toBe('p1');
    expect(o3.MaterialRequirement.Quantity.QuantityString).toBe('20');
    // A changeover from nothing has no ChangeoverFrom; a work centre without jobs has an empty JobList.
    const mill = lists[0].JobOrder[0];
    expect(mill.JobOrderParameter.map((p: { ID: string }) => p.ID)).toEqual(['Sequence', 'ChangeoverTo', 'ChangeoverMinutes']);
    expect(lists[2].JobOrder).toBeUndefined();
  });

  it('validates with the full ISA-95 hierarchy of a real layout and text that needs escaping', () => {
    const layout = kitchenLayout();
    const machines = layout.site.areas[0]!.lines[0]!.cells[0]!.equipment.map((e) => e.id);
    const list = { ...smallList(), supersedes: null, equipment: machines.map((equipment, i) => ({ equipment, jobs: smallList().equipment[1]!.jobs.map((j) => ({ ...j, order: `o<&>"${i}`.replace(/[<&>"]/g, 'x'), product: 'p.1' })) })) };
    const v = freezeVersion({ list, approvedBy: 'Zoë <night & "shift">', reason: 'x', approvedAt: '2026-11-29T17:10:00+01:00', layout });
    expect(xmllintProblems(v.documents.b2mml)).toBeNull();
    expect(v.documents.b2mml).toContain('<AuthorizationID>Zoë &lt;night &amp; &quot;shift&quot;&gt;</AuthorizationID>');
    expect(v.documents.b2mml).toContain('<EquipmentElementLevel>Site</EquipmentElementLevel>');
    expect(v.documents.b2mml).not.toContain('Replaced');
    expect(v.workCentres[0]!.topic).toBe(`${layout.enterprise ?? 'plant-twin'}/${layout.site.id}/${layout.site.areas[0]!.id}/${layout.site.areas[0]!.lines[0]!.id}/${layout.site.areas[0]!.lines[0]!.cells[0]!.id}/${machines[0]}/dispatch`);
  });

  it('validates for every list the tests deliver, exported before approval too', () => {
    for (const list of manyLists(3)) {
      expect(xmllintProblems(processJobList(list, { approvedAt: list.createdAt }))).toBeNull();
    }
  });

  it('is rejected by the schema when a required element is missing (the check can fail)', () => {
    const broken = readFileSync(GOLDEN, 'utf8').replace('<BODID>dl-0002</BODID>', '').replace(/<ID>dl-0002:saw-1<\/ID>/, '');
    expect(xmllintProblems(broken)).toMatch(/JobList|Description/);
  });

  it('refuses to freeze what the MES could not take, naming every problem', () => {
    const list = { ...smallList(), equipment: [] };
    const refuse = () => freezeVersion({ list, versionId: 'bad id', approvedBy: ' ', reason: '', approvedAt: '2026-11-29T17:10:00Z' });
    expect(refuse).toThrow(ApprovalRefused);
    try { refuse(); } catch (e) {
      expect((e as ApprovalRefused).problems).toEqual([
        'version id "bad id" is not an id (letters, digits, "_", ".", ":" or "-", at most 80)',
        'the approver\'s name is empty', 'the reason is empty', 'the dispatch list has no work centre',
      ]);
    }
    expect(() => freezeVersion({ list: smallList(), supersedes: 'dl-0002', approvedBy: 'a', reason: 'b', approvedAt: '2026-11-29T17:10:00Z' }))
      .toThrow(/cannot supersede itself/);
    expect(() => freezeVersion({ list: smallList(), approvedBy: 'a\u0007', reason: 'b', approvedAt: '2026-11-29T17:10:00Z', layout: kitchenLayout() }))
      .toThrow(/control characters.*work centres not in the layout: mill-1, lathe-1, saw-1/);
  });
});
