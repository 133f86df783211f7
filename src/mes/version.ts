import { z } from 'zod';
import { Id, IsoDateTime } from '../model/common.ts';
import type { Layout } from '../model/layoutSchema.ts';
import { DispatchList } from '../model/scheduleSchema.ts';
import { topicSegment } from '../live/traceMessages.ts';
import { processJobList, type HierarchyStep } from './b2mml.ts';
import { sha256Hex } from './hash.ts';

const WorkCentre = z.object({
  workCentre: Id,
  topic: z.string().min(1).max(500).describe('ISA-95 topic the work centre\'s list is published to over MQTT'),
  payload: z.string().describe('The frozen MQTT payload: this work centre\'s part of the dispatch list JSON'),
}).strict();

/**
 * An approved version as the outbox keeps it: the dispatch list and every byte that will be sent,
 * frozen at approval, so a retry (or a publish after a restart) sends exactly what was approved.
 */
export const ApprovedVersion = z.object({
  format: z.literal('plant-twin/mes-version'),
  version: z.literal(1),
  id: Id,
  supersedes: Id.nullable(),
  schedule: Id,
  approvedBy: z.string().min(1),
  reason: z.string().min(1),
  approvedAt: IsoDateTime,
  workCentres: z.array(WorkCentre).min(1),
  documents: z.object({
    b2mml: z.string().describe('B2MML V0701 ProcessJobList, the REST body by default'),
    json: z.string().describe('The dispatch list JSON (format plant-twin/dispatch) with the version\'s id, supersedes and approver'),
  }).strict(),
}).strict().meta({ title: 'Plant Twin approved version', description: 'A dispatch list frozen at approval with the exact bytes the outbox sends.' });
export type ApprovedVersion = z.infer<typeof ApprovedVersion>;

export interface Approval {
  list: DispatchList;
  /** Version id; the list's own id when absent. */
  versionId?: string;
  /** The version this one replaces; the list's own `supersedes` when absent. */
  supersedes?: string | null;
  approvedBy: string;
  reason: string;
  /** ISO instant of approval (injected: the core reads no clock). */
  approvedAt: string;
  /** Gives each work centre its place in the ISA-95 hierarchy and its MQTT topic. */
  layout?: Layout;
  /** First topic segment; default the layout's enterprise, else "plant-twin". */
  enterprise?: string;
}

export class ApprovalRefused extends Error {
  constructor(readonly problems: string[]) {
    super(`approval refused: ${problems.join('; ')}`);
    this.name = 'ApprovalRefused';
  }
}

// A name or reason is shown on the shop floor and written into XML: no control characters.
function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return true;
  }
  return false;
}

/** Each equipment of the layout with its hierarchy from the site down, as B2MML equipment levels. */
export function hierarchyOf(layout: Layout): Map<string, HierarchyStep[]> {
  const places = new Map<string, HierarchyStep[]>();
  const site = layout.site;
  for (const area of site.areas) {
    for (const line of area.lines) {
      for (const cell of line.cells) {
        for (const e of cell.equipment) {
          places.set(e.id, [
            { id: site.id, level: 'Site' }, { id: area.id, level: 'Area' }, { id: line.id, level: 'ProductionLine' },
            { id: cell.id, level: 'WorkCell' }, { id: e.id, level: 'WorkUnit' },
          ]);
        }
      }
    }
  }
  return places;
}

function problemsOf(a: Approval, id: string, supersedes: string | null, hierarchy: Map<string, HierarchyStep[]> | undefined): string[] {
  const problems: string[] = [];
  const parsed = DispatchList.safeParse(a.list);
  if (!parsed.success) problems.push(`the dispatch list is not valid: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join(', ')}`);
  if (!Id.safeParse(id).success) problems.push(`version id "${id}" is not an id (letters, digits, "_", ".", ":" or "-", at most 80)`);
  if (supersedes !== null && !Id.safeParse(supersedes).success) problems.push(`supersedes "${supersedes}" is not an id`);
  if (supersedes === id) problems.push(`version ${id} cannot supersede itself`);
  if (a.approvedBy.trim() === '') problems.push('the approver\'s name is empty');
  if (a.reason.trim() === '') problems.push('the reason is empty');
  if (hasControl(a.approvedBy) || hasControl(a.reason)) problems.push('the name and reason may not hold control characters');
  if (a.approvedBy.length > 200) problems.push('the approver\'s name is longer than 200 characters');
  if (a.reason.length > 2000) problems.push('the reason is longer than 2000 characters');
  if (a.list.equipment.length === 0) problems.push('the dispatch list has no work centre');
  if (hierarchy) {
    const unknown = a.list.equipment.map((e) => e.equipment).filter((e) => !hierarchy.has(e));
    if (unknown.length > 0) problems.push(`work centres not in the layout: ${unknown.join(', ')}`);
  }
  return problems;
}

/**
 * Freezes a dispatch list into an approved version: sets the version id, what it supersedes and
 * the approver in the list, and renders every document that will be sent. Refuses (with every
 * problem at once) rather than freezing something the MES could not take.
 */
export function freezeVersion(a: Approval): ApprovedVersion {
  const id = a.versionId ?? a.list.id;
  const supersedes = a.supersedes === undefined ? a.list.supersedes : a.supersedes;
  const hierarchy = a.layout ? hierarchyOf(a.layout) : undefined;
  const problems = problemsOf(a, id, supersedes, hierarchy);
  if (problems.length > 0) throw new ApprovalRefused(problems);
  const approvedBy = a.approvedBy.trim();
  const list: DispatchList = { ...a.list, id, supersedes, approvedBy };
  const enterprise = topicSegment(a.enterprise ?? a.layout?.enterprise ?? 'plant-twin');
  const workCentres = list.equipment.map((entry) => {
    const steps = hierarchy?.get(entry.equipment) ?? [{ id: entry.equipment, level: 'WorkUnit' }];
    const topic = [enterprise, ...steps.map((s) => topicSegment(s.id)), 'dispatch'].join('/');
    return { workCentre: entry.equipment, topic, payload: JSON.stringify({ ...list, equipment: [entry] }) };
  });
  return {
    format: 'plant-twin/mes-version', version: 1,
    id, supersedes, schedule: list.schedule, approvedBy, reason: a.reason.trim(), approvedAt: a.approvedAt,
    workCentres,
    documents: {
      b2mml: processJobList(list, { approvedAt: a.approvedAt, approvedBy, hierarchy }),
      json: `${JSON.stringify(list, null, 2)}\n`,
    },
  };
}

/** The "approved" audit entry body of a version: who, why, and the hashes of the frozen bytes. */
export function approvedEntry(v: ApprovedVersion) {
  return {
    type: 'approved' as const,
    version: v.id, supersedes: v.supersedes, schedule: v.schedule, by: v.approvedBy, reason: v.reason,
    workCentres: v.workCentres.map((w) => w.workCentre),
    documents: { b2mml: sha256Hex(v.documents.b2mml), json: sha256Hex(v.documents.json) },
  };
}
