import { once } from 'node:events';
import { open, rm } from 'node:fs/promises';
import { connect } from 'mqtt';
import { formatProblem } from '../model/problem.ts';
import { MqttSource, type SourceEvent } from '../live/mqttSource.ts';
import { parseStatePayload } from '../live/statePayload.ts';
import { matchTopic, topicFilterProblem } from '../live/topicMapping.ts';
import { BROKER_OPTION_HELP, BROKER_OPTIONS, brokerConnection, maskedOutput, type BrokerConnection } from './brokerOptions.ts';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, type Command, type Output } from './command.ts';
import { positiveSeconds, stopSignal } from './stopSignal.ts';

/** Recorded, but the connection was lost at least once: messages may be missing (gap lines say when). */
export const EXIT_GAPS = 3;

const MAX_LISTED = 10;

interface Tally {
  events: number;
  equipment: Set<string>;
  invalid: number;
  otherTopics: number;
  duplicates: number;
  gaps: number;
}

const iso = (ms: number): string => new Date(ms).toISOString();
const utf8 = new TextDecoder('utf-8', { fatal: true });

interface RecordOptions {
  broker: BrokerConnection;
  out: string;
  topic: string;
  seconds: number | undefined;
  clean: boolean;
}

/**
 * Records through the app's MqttSource (one live path): its reconnect loop and events. A lost
 * connection becomes a gap line from the last message heard to the reconnection; a message equal to
 * the last one on its topic (a retained state sent again on resubscribing, a QoS 1 redelivery) is
 * dropped and counted.
 */
async function record(options: RecordOptions, output: Output): Promise<number> {
  const { broker, out, topic, seconds } = options;
  let handle;
  try {
    handle = await open(out, 'w');
  } catch (error) {
    output.err(`plant-twin record: cannot write ${out}: ${(error as Error).message}`);
    return EXIT_INVALID;
  }
  const file = handle.createWriteStream({ encoding: 'utf8' });
  let writeError: Error | undefined;
  const writeFailed = new Promise<void>((resolve) => file.once('error', (error) => { writeError = error; resolve(); }));

  const source = new MqttSource({
    url: broker.url,
    ...(broker.username ? { username: broker.username } : {}),
    ...(broker.password ? { password: broker.password } : {}),
    clientIdPrefix: 'plant-twin-record-',
    topics: [topic],
    qos: 1,
    clean: options.clean,
    connectTimeoutMs: 5000,
    backoff: { baseMs: 250, capMs: 5000, jitter: 0.2 },
  }, { expectedPeriodMs: 60_000, staleFactor: 3 }, { connect: (url, o) => connect(url, o) });

  const tally: Tally = { events: 0, equipment: new Set(), invalid: 0, otherTopics: 0, duplicates: 0, gaps: 0 };
  const lastPayload = new Map<string, string>();
  let lastHeard = 0;
  let lostAt: { from: number; reason: string; newSession?: boolean } | undefined;
  let ready: ((problem: string | undefined) => void) | undefined;
  const firstReady = new Promise<string | undefined>((resolve) => { ready = resolve; });

  const writeGap = (until: number, why: string, sessionKept?: boolean): void => {
    tally.gaps++;
    file.write(`${JSON.stringify({ ts: iso(lostAt!.from), gap: why, until: iso(until), ...(sessionKept === undefined ? {} : { sessionKept }) })}\n`);
    lostAt = undefined;
  };

  const message = (e: Extract<SourceEvent, { kind: 'message' }>): void => {
    lastHeard = e.at;
    const match = matchTopic(e.topic);
    if (match.kind !== 'state') {
      tally.otherTopics++;
      return;
    }
    let text: string;
    try {
      text = utf8.decode(e.payload);
    } catch {
      tally.invalid++;
      if (tally.invalid <= MAX_LISTED) output.err(`skipped: ${e.topic}: expected a UTF-8 JSON payload, found bytes that are not UTF-8`);
      return;
    }
    if (lastPayload.get(e.topic) === text) {
      tally.duplicates++;
      return;
    }
    const parsed = parseStatePayload(match.equipment, text, e.topic);
    if (!parsed.ok) {
      tally.invalid++;
      if (tally.invalid <= MAX_LISTED) for (const p of parsed.problems) output.err(`skipped: ${formatProblem(p)}`);
      return;
    }
    lastPayload.set(e.topic, text);
    tally.events++;
    tally.equipment.add(match.equipment);
    file.write(`${JSON.stringify(parsed.event)}\n`);
  };

  source.onEvent((e) => {
    switch (e.kind) {
      case 'message':
        message(e);
        return;
      case 'subscribed':
        if (ready) {
          ready(e.error ? `cannot subscribe to ${topic}: ${e.error}` : undefined);
          ready = undefined;
        }
        if (e.error) output.err(`warning: cannot subscribe to ${topic} again: ${e.error}`);
        // A new session hears nothing before its subscription: the gap lasts until now.
        if (lostAt?.newSession) writeGap(e.at, `connection to the broker lost${lostAt.reason ? `: ${lostAt.reason}` : ''}`, false);
        lastHeard = Math.max(lastHeard, e.at);
        return;
      case 'lost':
        if (ready) {
          ready(`cannot connect to ${broker.shown}: ${e.error || 'no MQTT connection (refused, closed or not an MQTT listener)'}`);
          ready = undefined;
          return;
        }
        if (!lostAt) {
          lostAt = { from: lastHeard || e.at, reason: e.error ?? '' };
          output.err(`connection to ${broker.shown} lost at ${iso(e.at)}${e.error ? ` (${e.error})` : ''}; reconnecting`);
        }
        return;
      case 'connected':
        if (!lostAt) return;
        output.err(`reconnected at ${iso(e.at)}${e.sessionPresent ? ', the broker kept the session' : ', a new session: messages sent meanwhile are missing'}`);
        // A kept session delivers what was queued right after connecting: the gap line goes first.
        if (e.sessionPresent) writeGap(e.at, `connection to the broker lost${lostAt.reason ? `: ${lostAt.reason}` : ''}`, true);
        else lostAt.newSession = true;
        return;
    }
  });

  source.start();
  const problem = await firstReady;
  if (problem) {
    source.stop();
    file.end();
    await once(file, 'close').catch(() => undefined);
    await rm(out, { force: true });
    output.err(`plant-twin record: ${problem}`);
    return EXIT_INVALID;
  }
  output.err(`recording ${topic} from ${broker.shown} to ${out}${seconds === undefined ? ' (Ctrl-C to stop)' : ` for ${seconds} s`}`);
  const signal = stopSignal();
  await Promise.race([signal.sleep(seconds === undefined ? Infinity : seconds * 1000), writeFailed]);
  signal.dispose();
  await source.close();
  if (lostAt) writeGap(Date.now(), 'connection to the broker lost, not back when the recording ended');
  file.end();
  await Promise.race([once(file, 'finish'), writeFailed]);
  if (writeError) {
    output.err(`plant-twin record: cannot write ${out}: ${writeError.message}`);
    return EXIT_INVALID;
  }
  const notes = [
    tally.invalid ? `${tally.invalid} invalid payloads skipped` : '',
    tally.otherTopics ? `${tally.otherTopics} messages on other topics ignored` : '',
    tally.duplicates ? `${tally.duplicates} repeated messages dropped` : '',
    tally.gaps ? `${tally.gaps} gaps` : '',
  ].filter(Boolean).join(', ');
  output.out(`${out}: ${tally.events} events from ${tally.equipment.size} equipment${notes ? `; ${notes}` : ''}`);
  if (tally.gaps > 0) {
    output.err(`warning: the connection was lost ${tally.gaps} time${tally.gaps === 1 ? '' : 's'}; messages sent meanwhile may be missing (the gap lines in ${out} say when)`);
    return EXIT_GAPS;
  }
  return EXIT_OK;
}

export const recordCommand: Command = {
  name: 'record',
  summary: 'record machine states from an MQTT broker to a JSON-lines file',
  usage: `Usage: plant-twin record --broker <url> --out <file> [--topic <filter>] [--duration <seconds>] [--clean-session]

Subscribes to state topics ({enterprise}/{site}/{area}/{line}/{cell}/{equipment}/state, payload
{ts, state, reason?, order?, operation?, good?, scrap?}) at QoS 1 and writes each valid message
as one line of a JSON-lines recording, in the order heard, with the equipment taken from the topic.
Invalid payloads are reported on standard error, skipped and counted; a message equal to the last
one on its topic (a retained state sent again, a redelivery) is dropped and counted.

The client id is "plant-twin-record-" and 64 random bits, so recorders never take each other
over. The session is persistent (MQTT 5, expiring an hour after a lost connection; ended when the
recording ends): when the connection drops, the broker queues what arrives and delivers it on
reconnect. Each lost connection is written as a gap line ({ts, gap, until, sessionKept}) from the
last message heard to the reconnection, which readers show as unknown time, and is counted.
The broker password comes from --password-file, ${'$'}PLANT_TWIN_MQTT_PASSWORD or the URL, and is
never printed. Stops after --duration seconds, or on Ctrl-C.

Exit codes: 0 recorded, 1 the broker could not be reached or the file not written, 2 usage error,
3 recorded, but the connection was lost: messages may be missing (see the gap lines).`,
  options: {
    ...BROKER_OPTIONS,
    out: { type: 'string' },
    topic: { type: 'string' },
    duration: { type: 'string' },
    'clean-session': { type: 'boolean' },
  },
  optionHelp: {
    ...BROKER_OPTION_HELP,
    out: 'the JSON-lines file to write (.jsonl)',
    topic: 'topic filter to subscribe (default "#"), e.g. acme/plant-1/#',
    duration: 'stop after this many seconds (default: until Ctrl-C)',
    'clean-session': 'a clean session: the broker keeps nothing while the connection is down',
  },
  async run({ values }, rawOutput) {
    const out = values.out;
    const broker = await brokerConnection(values);
    const output = maskedOutput(rawOutput, 'url' in broker ? broker.password : undefined);
    if (typeof out !== 'string' || ('usage' in broker && typeof values.broker !== 'string')) {
      output.err('plant-twin record: --broker and --out are required (see plant-twin record --help)');
      return EXIT_USAGE;
    }
    if ('usage' in broker) {
      output.err(`plant-twin record: ${broker.usage}`);
      return EXIT_USAGE;
    }
    if ('invalid' in broker) {
      output.err(`plant-twin record: ${broker.invalid}`);
      return EXIT_INVALID;
    }
    const seconds = positiveSeconds(values.duration, 'duration');
    if (typeof seconds === 'string') {
      output.err(`plant-twin record: ${seconds}`);
      return EXIT_USAGE;
    }
    const topic = typeof values.topic === 'string' ? values.topic : '#';
    const bad = topicFilterProblem(topic);
    if (bad) {
      output.err(`plant-twin record: --topic ${bad}`);
      return EXIT_USAGE;
    }
    return record({ broker, out, topic, seconds, clean: values['clean-session'] === true }, output);
  },
};
