import { createStore } from 'zustand/vanilla';
import type { DispatchList, Schedule } from '../model/scheduleSchema.ts';
import type { ObjectiveKpis } from '../../solver/objective.ts';

/** A plan a scheduler approved: frozen as a dispatch list with a version id, superseding the one before. */
export interface ApprovedPlan {
  versionId: string;
  supersedes: string | null;
  scenarioId: string;
  approvedBy: string;
  reason: string;
  approvedAt: string;
  kpis: ObjectiveKpis;
  schedule: Schedule;
  dispatchList: DispatchList;
}

/** Where approved plans are kept between visits. */
export interface ApprovalArchive {
  all(): Promise<ApprovedPlan[]>;
  put(plan: ApprovedPlan): Promise<void>;
}

export interface ApprovalRequest {
  scenarioId: string;
  approvedBy: string;
  reason: string;
  /** Default: the next free "<scenario>-dl-NNNN". */
  versionId?: string;
  kpis: ObjectiveKpis;
  schedule: Schedule;
  dispatchList: DispatchList;
  /** ISO time of the approval (default now). */
  at?: string;
}

export class ApprovalRefused extends Error {
  constructor(message: string) { super(message); this.name = 'ApprovalRefused'; }
}

export interface ApprovalState {
  approved: ApprovedPlan[];
  loaded: boolean;
  /** The newest approved plan of a scenario. */
  latestFor(scenarioId: string): ApprovedPlan | undefined;
  /** The version id the next approval of a scenario gets unless the user names one. */
  nextVersionId(scenarioId: string): string;
  load(): Promise<void>;
  /**
   * Freezes the plan: the dispatch list gets the version id, what it supersedes (the scenario's
   * last approved version), who approved it and when; handed to publishing (the MES outbox),
   * then kept here so the next plan is compared with it.
   */
  approve(request: ApprovalRequest): Promise<ApprovedPlan>;
}

/** Hands a frozen dispatch list to publishing (src/state/publish/approve.ts); throws with the reason when refused. */
export type HandToPublishing = (handover: { list: DispatchList; versionId: string; supersedes: string | null; approvedBy: string; reason: string }) => Promise<void>;

export function createApprovals(archive: ApprovalArchive, publish: HandToPublishing) {
  return createStore<ApprovalState>()((set, get) => ({
    approved: [],
    loaded: false,
    latestFor: (scenarioId) => get().approved.filter((a) => a.scenarioId === scenarioId).at(-1),
    nextVersionId(scenarioId) {
      const taken = new Set(get().approved.map((a) => a.versionId));
      for (let n = get().approved.filter((a) => a.scenarioId === scenarioId).length + 1; ; n++) {
        const id = `${scenarioId}-dl-${String(n).padStart(4, '0')}`;
        if (!taken.has(id)) return id;
      }
    },
    async load() {
      const approved = (await archive.all()).sort((a, b) => a.approvedAt.localeCompare(b.approvedAt));
      set({ approved, loaded: true });
    },
    async approve(request) {
      const approvedBy = request.approvedBy.trim();
      const reason = request.reason.trim();
      if (approvedBy === '') throw new ApprovalRefused('Name who approves the plan.');
      if (reason === '') throw new ApprovalRefused('Give a reason for approving it (what changed, why now).');
      const versionId = (request.versionId ?? '').trim() || get().nextVersionId(request.scenarioId);
      if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(versionId)) throw new ApprovalRefused(`The version id "${versionId}" may hold letters, digits, ".", "_" and "-" only.`);
      if (get().approved.some((a) => a.versionId === versionId)) throw new ApprovalRefused(`Version ${versionId} was approved before; approve a new version.`);
      const supersedes = get().latestFor(request.scenarioId)?.versionId ?? null;
      const approvedAt = request.at ?? new Date().toISOString();
      const plan: ApprovedPlan = {
        versionId, supersedes, scenarioId: request.scenarioId, approvedBy, reason, approvedAt, kpis: request.kpis,
        schedule: { ...request.schedule, id: `${versionId}-schedule`, supersedes: supersedes === null ? null : `${supersedes}-schedule` },
        dispatchList: { ...request.dispatchList, id: versionId, supersedes, schedule: `${versionId}-schedule`, createdAt: approvedAt, approvedBy },
      };
      await publish({ list: plan.dispatchList, versionId, supersedes, approvedBy, reason });
      await archive.put(plan);
      set({ approved: [...get().approved, plan] });
      return plan;
    },
  }));
}

export function memoryArchive(): ApprovalArchive {
  const kept: ApprovedPlan[] = [];
  return { all: async () => structuredClone(kept), put: async (p) => { kept.push(structuredClone(p)); } };
}
