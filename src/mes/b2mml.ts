import type { DispatchList } from '../model/scheduleSchema.ts';
import { leaf, xmlDocument, type XmlElement } from './xml.ts';

export const B2MML_NAMESPACE = 'http://www.mesa.org/xml/B2MML';
/** The schema release the documents are written against (MESA B2MML V0701, ISA-95.00.02/05-2018). */
export const B2MML_RELEASE = 'V0701';

type Job = DispatchList['equipment'][number]['jobs'][number];

/** Where a work centre sits in the ISA-95 role-based equipment hierarchy, from the site down. */
export interface HierarchyStep { id: string; level: 'Site' | 'Area' | 'ProductionLine' | 'WorkCell' | 'WorkUnit' }

export interface B2mmlContext {
  /** Approval time: the BOD's CreationDateTime and each JobList's PublishedDate. */
  approvedAt: string;
  /** Who approved it (Sender AuthorizationID); absent for a list exported before approval. */
  approvedBy?: string;
  /** Per work centre, its place in the hierarchy (site … work unit); a work centre without one is scoped alone. */
  hierarchy?: ReadonlyMap<string, readonly HierarchyStep[]>;
}

function scope(steps: readonly HierarchyStep[]): XmlElement {
  const [first, ...rest] = steps;
  return ['HierarchyScope', null, ...hierarchyBody(first!, rest)];
}

function hierarchyBody(step: HierarchyStep, rest: readonly HierarchyStep[]): XmlElement[] {
  const body: XmlElement[] = [['EquipmentID', null, step.id], ['EquipmentElementLevel', null, step.level]];
  if (rest.length > 0) body.push(['HierarchyScopeChild', null, ...hierarchyBody(rest[0]!, rest.slice(1))]);
  return body;
}

function parameter(id: string, value: string, dataType: string, unit?: string): XmlElement {
  return ['JobOrderParameter', null, ['ID', null, id], ['Value', null, ['ValueString', null, value], ['DataType', null, dataType], leaf('UnitOfMeasure', unit)]];
}

/** The job order's identity across versions: one order's one operation. A later version reuses it, so the MES can match. */
export function jobOrderId(job: Pick<Job, 'order' | 'operation'>): string {
  return `${job.order}:${job.operation}`;
}

function jobOrder(job: Job, workCentre: string, publishedAt: string): XmlElement {
  const c = job.changeover;
  return ['JobOrder', null,
    ['ID', null, jobOrderId(job)],
    ['Description', null, `Order ${job.order}: ${job.quantity} × ${job.product}, operation ${job.operation}, position ${job.sequence} on ${workCentre}`],
    ['PublishedDate', null, publishedAt],
    ['StartTime', null, job.plannedStart],
    ['EndTime', null, job.plannedEnd],
    ['WorkType', null, 'Production'],
    ['WorkMasterID', null, `${job.product}:${job.operation}`],
    ['DispatchStatus', null, 'Dispatched'],
    parameter('Sequence', String(job.sequence), 'positiveInteger'),
    c && c.from !== null ? parameter('ChangeoverFrom', c.from, 'string') : undefined,
    c ? parameter('ChangeoverTo', c.to, 'string') : undefined,
    c ? parameter('ChangeoverMinutes', String(c.minutes), 'decimal', 'min') : undefined,
    ['EquipmentRequirement', null, ['ID', null, workCentre], ['EquipmentID', null, workCentre], ['EquipmentLevel', null, 'WorkUnit']],
    ['MaterialRequirement', null,
      ['ID', null, job.product],
      ['MaterialDefinitionID', null, job.product],
      ['MaterialUse', null, 'Produced'],
      ['Quantity', null, ['QuantityString', null, String(job.quantity)], ['DataType', null, 'positiveInteger'], ['UnitOfMeasure', null, 'unit']]],
  ];
}

function jobList(list: DispatchList, entry: DispatchList['equipment'][number], ctx: B2mmlContext): XmlElement {
  const jobs = [...entry.jobs].sort((a, b) => a.sequence - b.sequence);
  const starts = jobs.map((j) => j.plannedStart).sort((a, b) => Date.parse(a) - Date.parse(b));
  const ends = jobs.map((j) => j.plannedEnd).sort((a, b) => Date.parse(a) - Date.parse(b));
  const steps = ctx.hierarchy?.get(entry.equipment) ?? [{ id: entry.equipment, level: 'WorkUnit' as const }];
  const supersedes = list.supersedes ? `; supersedes ${list.supersedes}` : '';
  return ['JobList', null,
    ['ID', null, `${list.id}:${entry.equipment}`],
    ['Description', null, `Dispatch list ${list.id} for ${entry.equipment} from schedule ${list.schedule}${supersedes}`],
    ['Version', null, list.id],
    ['PublishedDate', null, ctx.approvedAt],
    leaf('StartTime', starts[0]),
    leaf('EndTime', ends[ends.length - 1]),
    scope(steps),
    ['WorkType', null, 'Production'],
    ...jobs.map((job) => jobOrder(job, entry.equipment, ctx.approvedAt)),
  ];
}

/**
 * The version as one B2MML V0701 `ProcessJobList` BOD: BODID = version id, a confirmation asked
 * for (Sender ConfirmationCode and Process acknowledgeCode "Always"), one JobList per work centre.
 * A list that supersedes another says so in Process/ActionCriteria (actionCode "Replaced").
 * Pure and deterministic: the same list and context give the same bytes.
 */
export function processJobList(list: DispatchList, ctx: B2mmlContext): string {
  const actions: XmlElement[] = [['ActionCriteria', null, ['ActionExpression', { actionCode: 'Add' }, `JobList[Version='${list.id}']`]]];
  if (list.supersedes) actions.push(['ActionCriteria', null, ['ActionExpression', { actionCode: 'Replaced' }, `JobList[Version='${list.supersedes}']`]]);
  return xmlDocument(['ProcessJobList', { xmlns: B2MML_NAMESPACE, releaseID: B2MML_RELEASE },
    ['ApplicationArea', null,
      ['Sender', null, ['LogicalID', null, 'plant-twin'], ['ConfirmationCode', null, 'Always'], leaf('AuthorizationID', ctx.approvedBy)],
      ['CreationDateTime', null, ctx.approvedAt],
      ['BODID', null, list.id]],
    ['DataArea', null,
      ['Process', { acknowledgeCode: 'Always' }, ...actions],
      ...list.equipment.map((entry) => jobList(list, entry, ctx))],
  ]);
}
