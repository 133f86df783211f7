import { connectAsync, type MqttClient } from 'mqtt';
import type { OutboxState, VersionStatus } from '../mes/outboxState.ts';
import { Publisher, type MqttPublish } from '../mes/publisher.ts';
import { redact } from '../mes/redact.ts';
import type { FetchLike } from '../mes/restTransport.ts';
import { DEFAULT_RETRY } from '../mes/retryPolicy.ts';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, type Command, type Output } from './command.ts';
import { nodeClock, numberOption, readSecret } from './mesCli.ts';
import { lockPublisher, OutboxFolder, OutboxFolderError } from './outboxFolder.ts';

/** Exit code when the time ran out with versions still undelivered (they stay in the outbox). */
export const EXIT_PENDING = 3;

function describe(v: VersionStatus): string {
  const parts = [`${v.id}: ${v.state}`];
  if (v.rest.attempts > 0) parts.push(`${v.rest.attempts} attempt${v.rest.attempts === 1 ? '' : 's'}`);
  if (v.rest.answer) parts.push(`MES: ${v.rest.answer.outcome}${v.rest.answer.text ? ` "${v.rest.answer.text}"` : ''}`);
  const delivered = v.workCentres.filter((w) => w.mqttDelivered).length;
  if (delivered > 0) parts.push(`MQTT ${delivered}/${v.workCentres.length} topics`);
  if (v.withdrawn) parts.push(`withdrawn, superseded by ${v.supersededBy}`);
  else if (v.supersededBy) parts.push(`superseded by ${v.supersededBy}`);
  if (v.state !== 'acknowledged' && v.rest.lastError) parts.push(`last error: ${v.rest.lastError}`);
  if (v.state !== 'acknowledged' && v.mqtt.lastError) parts.push(`last MQTT error: ${v.mqtt.lastError}`);
  const rejected = v.workCentres.filter((w) => w.state === 'rejected');
  if (rejected.length > 0 && rejected.length < v.workCentres.length) parts.push(`rejected for ${rejected.map((w) => w.workCentre).join(', ')}`);
  return parts.join(', ');
}

async function mqttPublisher(url: string, username: string | undefined, password: string | undefined): Promise<{ publish: MqttPublish; client: MqttClient }> {
  const client = await connectAsync(url, {
    clientId: `plant-twin-publish-${process.pid}`, username, password, clean: true, connectTimeout: 10_000, reconnectPeriod: 1000,
  });
  client.on('error', () => undefined); // reconnects are MQTT.js's; a failed publish is reported by its promise
  return {
    client,
    publish: {
      target: redact(url, [password]),
      publish: async (topic, payload) => {
        if (!client.connected) throw new Error('not connected to the broker');
        await client.publishAsync(topic, payload, { qos: 1, retain: true });
      },
    },
  };
}

function report(state: OutboxState, last: Map<string, string>, output: Output): void {
  for (const v of state.versions) {
    const line = describe(v);
    if (last.get(v.id) !== line) {
      last.set(v.id, line);
      output.out(line);
    }
  }
}

export const publishCommand: Command = {
  name: 'publish',
  summary: 'deliver an outbox\'s approved versions to the MES (REST, optionally MQTT), exactly once',
  usage: `Usage: plant-twin publish --outbox DIR --rest URL [--token-file F] [--mqtt URL] [--timeout S]

Drains the outbox in approval order: each version is POSTed with Idempotency-Key = version id
and the bytes frozen at approval; network errors, 5xx, 408 and 429 are retried with exponential
back-off and jitter, 409 is waited out, any other 4xx stops that version with the MES's message.
With --mqtt, each work centre the MES accepted is then published QoS 1, retained, on its ISA-95
topic (…/dispatch). Every attempt and answer goes to the hash-chained journal first, so a killed
publish resumes where it stopped. Prints each version's state as it changes.
Exit codes: 0 all acknowledged (or withdrawn), 1 some rejected or failed, 2 usage error,
3 time ran out with versions still pending.`,
  options: {
    outbox: { type: 'string' },
    rest: { type: 'string' },
    'token-file': { type: 'string' },
    mqtt: { type: 'string' },
    'mqtt-user': { type: 'string' },
    'mqtt-password-file': { type: 'string' },
    format: { type: 'string' },
    timeout: { type: 'string' },
    'retry-base-ms': { type: 'string' },
    'retry-cap-ms': { type: 'string' },
    'request-timeout-ms': { type: 'string' },
    'retry-failed': { type: 'boolean' },
    by: { type: 'string' },
  },
  optionHelp: {
    outbox: 'the outbox folder written by plant-twin approve',
    rest: 'the MES endpoint to POST each version to',
    'token-file': 'bearer token, first line of this file (never printed or stored)',
    mqtt: 'broker URL (mqtt://host:1883): also publish each accepted work centre\'s list',
    'mqtt-user': 'MQTT user name',
    'mqtt-password-file': 'MQTT password, first line of this file',
    format: 'REST body: b2mml (default) or json',
    timeout: 'give up waiting after S seconds (default: keep retrying until done)',
    'retry-base-ms': `first back-off in ms (default ${DEFAULT_RETRY.baseMs})`,
    'retry-cap-ms': `longest back-off in ms (default ${DEFAULT_RETRY.capMs})`,
    'request-timeout-ms': `how long one request may take (default ${DEFAULT_RETRY.timeoutMs})`,
    'retry-failed': 'send failed versions again (after fixing what the MES refused)',
    by: 'with --retry-failed: who asks for it (default: the user name)',
  },
  async run({ values }, output) {
    if (typeof values.outbox !== 'string' || typeof values.rest !== 'string') {
      output.err('plant-twin publish: --outbox and --rest are required (see plant-twin publish --help)');
      return EXIT_USAGE;
    }
    const format = values.format ?? 'b2mml';
    if (format !== 'b2mml' && format !== 'json') {
      output.err(`plant-twin publish: --format must be b2mml or json, found "${String(format)}"`);
      return EXIT_USAGE;
    }
    const n = {
      timeout: numberOption(values.timeout, 'timeout', Infinity, 0, Infinity),
      baseMs: numberOption(values['retry-base-ms'], 'retry-base-ms', DEFAULT_RETRY.baseMs, 1, 3_600_000),
      capMs: numberOption(values['retry-cap-ms'], 'retry-cap-ms', DEFAULT_RETRY.capMs, 1, 86_400_000),
      timeoutMs: numberOption(values['request-timeout-ms'], 'request-timeout-ms', DEFAULT_RETRY.timeoutMs, 1, 3_600_000),
    };
    for (const v of Object.values(n)) if (typeof v === 'string') { output.err(`plant-twin publish: ${v}`); return EXIT_USAGE; }
    const { timeout, baseMs, capMs, timeoutMs } = n as Record<keyof typeof n, number>;
    let url: URL;
    try {
      url = new URL(values.rest);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error();
    } catch {
      output.err(`plant-twin publish: --rest must be an http(s) URL, found "${redact(values.rest)}"`);
      return EXIT_USAGE;
    }
    const secrets: Record<string, string | undefined> = {};
    for (const [option, key] of [['token-file', 'token'], ['mqtt-password-file', 'mqttPassword']] as const) {
      if (typeof values[option] !== 'string') continue;
      const secret = await readSecret(values[option] as string);
      if (typeof secret !== 'string') { output.err(`plant-twin publish: ${secret.error}`); return EXIT_INVALID; }
      secrets[key] = secret;
    }

    let outbox: OutboxFolder;
    let unlock: () => Promise<void>;
    try {
      outbox = new OutboxFolder(values.outbox, { create: false });
      unlock = await lockPublisher(values.outbox);
    } catch (error) {
      if (error instanceof OutboxFolderError) { output.err(`plant-twin publish: ${error.message}`); return EXIT_INVALID; }
      throw error;
    }
    let mqtt: Awaited<ReturnType<typeof mqttPublisher>> | undefined;
    const stop = new AbortController();
    const onSignal = () => stop.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      if (typeof values.mqtt === 'string') {
        try {
          mqtt = await mqttPublisher(values.mqtt, typeof values['mqtt-user'] === 'string' ? values['mqtt-user'] : undefined, secrets.mqttPassword);
        } catch (error) {
          output.err(`plant-twin publish: cannot connect to ${redact(values.mqtt, [secrets.mqttPassword])}: ${redact((error as Error).message, [secrets.mqttPassword])}`);
          return EXIT_INVALID;
        }
      }
      const last = new Map<string, string>();
      const publisher = new Publisher({
        store: outbox, clock: nodeClock, random: Math.random, fetch: fetch as unknown as FetchLike,
        rest: { url: url.href, token: secrets.token, format },
        mqtt: mqtt?.publish,
        policy: { baseMs, capMs: Math.max(capMs, baseMs), timeoutMs },
        onChange: (state) => report(state, last, output),
      });
      if (values['retry-failed'] === true) {
        const state = await publisher.refresh();
        const by = typeof values.by === 'string' ? values.by : process.env.USER ?? 'plant-twin publish';
        const failed = state.versions.filter((v) => v.rest.failed !== null || v.mqtt.failed !== null);
        if (failed.length > 0) await outbox.append(failed.map((v) => ({ type: 'retry-requested' as const, version: v.id, by })), new Date().toISOString());
      }
      const timer = Number.isFinite(timeout) ? setTimeout(() => stop.abort(), timeout * 1000) : undefined;
      const state = await publisher.run({ untilIdle: true, signal: stop.signal });
      clearTimeout(timer);
      const counts = new Map<string, number>();
      for (const v of state.versions) counts.set(v.state, (counts.get(v.state) ?? 0) + 1);
      output.out(`${state.versions.length} versions: ${[...counts].map(([s, c]) => `${c} ${s}`).join(', ') || 'none'}`);
      if (state.versions.some((v) => !v.withdrawn && (v.state === 'pending' || v.state === 'sent'))) return EXIT_PENDING;
      return state.versions.every((v) => v.withdrawn || v.state === 'acknowledged') ? EXIT_OK : EXIT_INVALID;
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await mqtt?.client.endAsync();
      await unlock();
    }
  },
};
