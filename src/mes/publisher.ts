import type { AuditEntry, EntryBody } from './auditEntry.ts';
import { applyEntries, emptyOutbox, nextVersion, remainingWork, type OutboxState, type VersionStatus } from './outboxState.ts';
import { redact } from './redact.ts';
import { postVersion, type FetchLike, type RestSettings } from './restTransport.ts';
import { DEFAULT_RETRY, retryDelay, type RetryPolicy } from './retryPolicy.ts';
import type { ApprovedVersion } from './version.ts';

/** Where versions and the journal live: an IndexedDB database in the page, a folder in the CLI. */
export interface OutboxStore {
  /** Journal entries with a sequence number above `afterSeq`, in order. */
  read(afterSeq: number): Promise<AuditEntry[]>;
  /** Chains and durably appends entries (written at `at`); resolves once they are stored. */
  append(bodies: EntryBody[], at: string): Promise<AuditEntry[]>;
  /** The frozen version as approved. */
  loadVersion(id: string): Promise<ApprovedVersion>;
}

export interface Clock {
  now(): number;
  /** Resolves after `ms`, or early when the signal aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

/** Publishes one work centre's frozen payload, QoS 1 and retained; resolves on the broker's PUBACK. */
export interface MqttPublish {
  /** Broker URL without credentials, for the audit trail. */
  target: string;
  publish(topic: string, payload: string): Promise<void>;
}

export interface PublisherOptions {
  store: OutboxStore;
  clock: Clock;
  /** Uniform in [0, 1): spreads retries. */
  random: () => number;
  fetch: FetchLike;
  rest: RestSettings;
  mqtt?: MqttPublish;
  policy?: RetryPolicy;
  /** Called after every change of state (entries appended or read). */
  onChange?: (state: OutboxState) => void;
}

export type StepResult = { kind: 'worked' } | { kind: 'idle' } | { kind: 'wait'; until: number };

/**
 * Drains the outbox: one version at a time in approval order (so the MES gets them in version
 * order), REST first (the MES's answer), then the accepted work centres' MQTT topics. Every
 * attempt, failure, delivery and answer is appended to the journal before the next step, so a
 * publisher killed at any point resumes where the journal says — resending the same bytes under
 * the same id, which the MES answers from its idempotency store.
 */
export class Publisher {
  state: OutboxState = emptyOutbox();
  private readonly policy: RetryPolicy;
  private wakeController = new AbortController();
  private retryNow = false;
  private readonly versions = new Map<string, ApprovedVersion>();

  constructor(private readonly o: PublisherOptions) {
    this.policy = o.policy ?? DEFAULT_RETRY;
  }

  private get channels() {
    return { mqtt: this.o.mqtt !== undefined };
  }

  /** Reads entries others appended (approvals, supersessions) into the state. */
  async refresh(): Promise<OutboxState> {
    const fresh = await this.o.store.read(this.state.seq);
    if (fresh.length > 0) {
      applyEntries(this.state, fresh);
      this.o.onChange?.(this.state);
    }
    return this.state;
  }

  private async append(body: EntryBody): Promise<void> {
    await this.o.store.append([body], new Date(this.o.clock.now()).toISOString());
    await this.refresh();
  }

  /** Ends a wait early: a new approval, the network back, or a retry asked for (`now`: skip the back-off once). */
  wake(now = false): void {
    if (now) this.retryNow = true;
    this.wakeController.abort();
  }

  private async version(id: string): Promise<ApprovedVersion> {
    let v = this.versions.get(id);
    if (!v) {
      v = await this.o.store.loadVersion(id);
      this.versions.set(id, v);
    }
    return v;
  }

  private due(retryAt: number | null): number | null {
    if (retryAt === null || this.retryNow) return null;
    return retryAt > this.o.clock.now() ? retryAt : null;
  }

  /** Does the next piece of work, if any is due. */
  async step(signal?: AbortSignal): Promise<StepResult> {
    await this.refresh();
    const next = nextVersion(this.state, this.channels);
    if (!next) return { kind: 'idle' };
    const work = remainingWork(next, this.channels)!;
    if (work.rest) return this.restStep(next, signal);
    return this.mqttStep(next, work.mqtt[0]!);
  }

  private async restStep(s: VersionStatus, signal?: AbortSignal): Promise<StepResult> {
    const wait = this.due(s.rest.retryAt);
    if (wait !== null) return { kind: 'wait', until: wait };
    this.retryNow = false;
    const v = await this.version(s.id);
    const attempt = s.rest.attempts + 1;
    const secrets = [this.o.rest.token];
    await this.append({ type: 'attempt', version: s.id, channel: 'rest', attempt, target: redact(this.o.rest.url, secrets) });
    const result = await postVersion(v, this.o.rest, this.o.fetch, this.policy.timeoutMs, this.o.clock.now(), signal);
    if (result.kind === 'answer') {
      await this.append({
        type: 'answer', version: s.id, channel: 'rest', httpStatus: result.httpStatus, outcome: result.outcome,
        text: redact(result.text, secrets).slice(0, 2000),
        workCentres: result.workCentres.map((w) => ({ ...w, text: redact(w.text, secrets).slice(0, 2000) })),
      });
    } else if (result.kind === 'stop') {
      await this.append({ type: 'failed', version: s.id, channel: 'rest', error: result.error.slice(0, 2000), httpStatus: result.httpStatus });
    } else {
      // 409: the MES is still busy with this key; wait without growing the back-off.
      const delay = retryDelay(this.policy, result.kind === 'wait' ? 1 : attempt, this.o.random(), result.retryAfterMs);
      await this.append({
        type: 'attempt-failed', version: s.id, channel: 'rest', attempt, error: result.error.slice(0, 2000), httpStatus: result.httpStatus,
        retryAt: new Date(this.o.clock.now() + delay).toISOString(),
      });
    }
    return { kind: 'worked' };
  }

  private async mqttStep(s: VersionStatus, workCentre: string): Promise<StepResult> {
    const wait = this.due(s.mqtt.retryAt);
    if (wait !== null) return { kind: 'wait', until: wait };
    this.retryNow = false;
    const mqtt = this.o.mqtt!;
    const v = await this.version(s.id);
    const wc = v.workCentres.find((w) => w.workCentre === workCentre)!;
    const attempt = s.mqtt.attempts + 1;
    await this.append({ type: 'attempt', version: s.id, channel: 'mqtt', attempt, target: mqtt.target, workCentre });
    try {
      await mqtt.publish(wc.topic, wc.payload);
      await this.append({ type: 'delivered', version: s.id, channel: 'mqtt', workCentre, topic: wc.topic });
    } catch (error) {
      const delay = retryDelay(this.policy, attempt, this.o.random());
      const message = redact(`MQTT: ${(error as Error).message ?? String(error)}`).slice(0, 2000);
      await this.append({ type: 'attempt-failed', version: s.id, channel: 'mqtt', attempt, error: message, retryAt: new Date(this.o.clock.now() + delay).toISOString() });
    }
    return { kind: 'worked' };
  }

  /**
   * Works until the outbox is idle (`untilIdle`) or the signal aborts. Waits for back-off, or for
   * at most `pollMs` so approvals written by another process are picked up.
   */
  async run(options: { untilIdle: boolean; signal?: AbortSignal; pollMs?: number }): Promise<OutboxState> {
    const pollMs = options.pollMs ?? 1000;
    while (!options.signal?.aborted) {
      const result = await this.step(options.signal);
      if (result.kind === 'worked') continue;
      if (result.kind === 'idle' && options.untilIdle) break;
      if (this.wakeController.signal.aborted) {
        // Woken while working: look again before sleeping.
        this.wakeController = new AbortController();
        continue;
      }
      const wakeOrStop = options.signal ? AbortSignal.any([this.wakeController.signal, options.signal]) : this.wakeController.signal;
      const ms = result.kind === 'wait' ? Math.min(pollMs, Math.max(0, result.until - this.o.clock.now())) : pollMs;
      await this.o.clock.sleep(ms, wakeOrStop);
    }
    return this.state;
  }
}
