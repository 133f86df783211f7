import type { AuditEntry, Channel, Outcome } from './auditEntry.ts';

export type WorkCentreState = 'pending' | 'sent' | 'acknowledged' | 'rejected' | 'failed' | 'withdrawn';

export interface ChannelProgress {
  attempts: number;
  lastError: string | null;
  /** Epoch ms when the next attempt is due after a failure; null when none is waiting. */
  retryAt: number | null;
  /** Set when the channel stopped for good (a 4xx other than 408/409/429): the MES's message. */
  failed: string | null;
}

export interface WorkCentreStatus {
  workCentre: string;
  state: WorkCentreState;
  /** The MES's answer for this work centre. */
  outcome: Outcome | null;
  text: string | null;
  /** MQTT: published to its topic and the broker confirmed (PUBACK). */
  mqttDelivered: boolean;
}

export interface VersionStatus {
  id: string;
  /** Sequence number of the approval entry: the order versions are delivered in. */
  seq: number;
  supersedes: string | null;
  supersededBy: string | null;
  schedule: string;
  approvedBy: string;
  approvedAt: string;
  reason: string;
  /** Superseded before it reached a final state: never sent again. */
  withdrawn: boolean;
  rest: ChannelProgress & { answer: { outcome: Outcome; text: string; httpStatus: number | null; at: string } | null };
  mqtt: ChannelProgress;
  workCentres: WorkCentreStatus[];
  state: WorkCentreState;
}

export interface OutboxState {
  /** Versions in approval order. */
  versions: VersionStatus[];
  byId: Map<string, VersionStatus>;
  /** The last entry folded in (0 when none). */
  seq: number;
}

export function emptyOutbox(): OutboxState {
  return { versions: [], byId: new Map(), seq: 0 };
}

function progress(): ChannelProgress {
  return { attempts: 0, lastError: null, retryAt: null, failed: null };
}

function channelOf(v: VersionStatus, channel: Channel): ChannelProgress {
  return channel === 'rest' ? v.rest : v.mqtt;
}

/** A version's overall state: acknowledged only when every work centre is. */
function overall(v: VersionStatus): WorkCentreState {
  const states = v.workCentres.map((w) => w.state);
  for (const s of ['failed', 'rejected', 'withdrawn', 'pending', 'sent'] as const) if (states.includes(s)) return s;
  return 'acknowledged';
}

function refresh(v: VersionStatus): void {
  for (const w of v.workCentres) {
    if (w.outcome !== null) w.state = w.outcome === 'rejected' ? 'rejected' : 'acknowledged';
    else if (v.withdrawn) w.state = 'withdrawn';
    else if (v.rest.failed !== null) w.state = 'failed';
    else if (v.rest.attempts > 0 || w.mqttDelivered) w.state = 'sent';
    else w.state = 'pending';
  }
  v.state = overall(v);
}

/**
 * Folds audit entries (in sequence order) into the outbox's state. Entries that arrive out of
 * order or name an unknown version are ignored here: `verifyChain` is what reports them.
 */
export function applyEntries(state: OutboxState, entries: readonly AuditEntry[]): OutboxState {
  for (const e of entries) {
    if (e.seq <= state.seq) continue;
    state.seq = e.seq;
    if (e.type === 'approved') {
      if (state.byId.has(e.version)) continue;
      const v: VersionStatus = {
        id: e.version, seq: e.seq, supersedes: e.supersedes, supersededBy: null, schedule: e.schedule,
        approvedBy: e.by, approvedAt: e.at, reason: e.reason, withdrawn: false,
        rest: { ...progress(), answer: null }, mqtt: progress(),
        workCentres: e.workCentres.map((workCentre) => ({ workCentre, state: 'pending', outcome: null, text: null, mqttDelivered: false })),
        state: 'pending',
      };
      state.versions.push(v);
      state.byId.set(v.id, v);
      // The approval itself supersedes (the "superseded" entry beside it records it for the
      // audit): so a writer killed between the two lines cannot leave the old version sendable.
      const old = e.supersedes === null ? undefined : state.byId.get(e.supersedes);
      if (old && old.supersededBy === null) {
        old.supersededBy = e.version;
        if (isOpen(old)) old.withdrawn = true;
        refresh(old);
      }
      continue;
    }
    const v = state.byId.get(e.version);
    if (!v) continue;
    switch (e.type) {
      case 'superseded':
        v.supersededBy ??= e.by;
        break;
      case 'attempt':
        channelOf(v, e.channel).attempts = Math.max(channelOf(v, e.channel).attempts, e.attempt);
        break;
      case 'attempt-failed': {
        const c = channelOf(v, e.channel);
        c.lastError = e.error;
        c.retryAt = e.retryAt === null ? null : Date.parse(e.retryAt);
        break;
      }
      case 'delivered': {
        const w = v.workCentres.find((x) => x.workCentre === e.workCentre);
        if (w) w.mqttDelivered = true;
        v.mqtt.retryAt = null;
        break;
      }
      case 'answer':
        if (e.channel === 'rest') {
          v.rest.answer = { outcome: e.outcome, text: e.text, httpStatus: e.httpStatus ?? null, at: e.at };
          v.rest.retryAt = null;
        }
        for (const w of v.workCentres) {
          const own = e.workCentres.find((x) => x.workCentre === w.workCentre);
          w.outcome = own?.outcome ?? e.outcome;
          w.text = own?.text ?? e.text;
        }
        break;
      case 'failed': {
        const c = channelOf(v, e.channel);
        c.failed = e.error;
        c.lastError = e.error;
        c.retryAt = null;
        break;
      }
      case 'retry-requested':
        v.rest.failed = null;
        v.mqtt.failed = null;
        break;
    }
    refresh(v);
  }
  return state;
}

/** Whether superseding this version withdraws it: the MES has not concluded on it yet. */
export function isOpen(v: VersionStatus): boolean {
  return !v.withdrawn && v.rest.answer === null && v.rest.failed === null;
}

export function outboxOf(entries: readonly AuditEntry[]): OutboxState {
  return applyEntries(emptyOutbox(), entries);
}

/** What a version still needs from the configured channels; null when it needs nothing more. */
export function remainingWork(v: VersionStatus, channels: { mqtt: boolean }): { rest: boolean; mqtt: string[] } | null {
  if (v.withdrawn) return null;
  if (v.rest.failed !== null) return null;
  if (v.rest.answer === null) return { rest: true, mqtt: [] };
  // Only what the MES took goes to the shop floor's topics; a rejected work centre gets nothing.
  const mqtt = channels.mqtt && v.mqtt.failed === null
    ? v.workCentres.filter((w) => w.outcome !== 'rejected' && !w.mqttDelivered).map((w) => w.workCentre)
    : [];
  return mqtt.length > 0 ? { rest: false, mqtt } : null;
}

/** The version to work on next: the earliest approved one with work left (strict version order). */
export function nextVersion(state: OutboxState, channels: { mqtt: boolean }): VersionStatus | null {
  for (const v of state.versions) if (remainingWork(v, channels) !== null) return v;
  return null;
}
