import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { connect, type MqttClient } from 'mqtt';
import { formatProblem } from '../model/problem.ts';
import { parseStatePayload } from '../live/statePayload.ts';
import { matchTopic } from '../live/topicMapping.ts';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, type Command, type Output } from './command.ts';

const MAX_LISTED = 10;

interface Tally {
  events: number;
  equipment: Set<string>;
  invalid: number;
  otherTopics: number;
}

function firstConnect(client: MqttClient): Promise<Error | undefined> {
  return new Promise((resolve) => {
    client.once('connect', () => resolve(undefined));
    client.once('error', (error) => resolve(error));
    client.once('close', () => resolve(new Error('no MQTT connection (refused, closed or not an MQTT listener)')));
  });
}

/** Resolves after `seconds`, or on Ctrl-C / SIGTERM, whichever comes first. */
function untilStopped(seconds: number | undefined): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      clearTimeout(timer);
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    const timer = seconds === undefined ? undefined : setTimeout(stop, seconds * 1000);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

async function record(broker: string, out: string, topic: string, seconds: number | undefined, output: Output): Promise<number> {
  const client = connect(broker, { clientId: `plant-twin-record-${process.pid}`, reconnectPeriod: 1000, connectTimeout: 5000 });
  const failure = await firstConnect(client);
  if (failure) {
    client.end(true);
    output.err(`plant-twin record: cannot connect to ${broker}: ${failure.message || failure.name}`);
    return EXIT_INVALID;
  }
  // MQTT.js reports failed reconnects as errors; it keeps retrying, so they are not fatal here.
  client.on('error', () => undefined);
  const file = createWriteStream(out, { encoding: 'utf8' });
  const tally: Tally = { events: 0, equipment: new Set(), invalid: 0, otherTopics: 0 };
  client.on('message', (messageTopic, payload) => {
    const match = matchTopic(messageTopic);
    if (match.kind !== 'state') {
      tally.otherTopics++;
      return;
    }
    const parsed = parseStatePayload(match.equipment, payload.toString('utf8'), messageTopic);
    if (!parsed.ok) {
      tally.invalid++;
      if (tally.invalid <= MAX_LISTED) for (const p of parsed.problems) output.err(`skipped: ${formatProblem(p)}`);
      return;
    }
    tally.events++;
    tally.equipment.add(match.equipment);
    file.write(`${JSON.stringify(parsed.event)}\n`);
  });
  // Re-subscribe after MQTT.js reconnects: the session is clean, so the broker forgot it.
  client.on('connect', () => client.subscribe(topic, { qos: 1 }));
  await client.subscribeAsync(topic, { qos: 1 });
  output.err(`recording ${topic} from ${broker} to ${out}${seconds === undefined ? ' (Ctrl-C to stop)' : ` for ${seconds} s`}`);
  await untilStopped(seconds);
  await client.endAsync();
  file.end();
  await once(file, 'finish');
  const skipped = [
    tally.invalid ? `${tally.invalid} invalid payloads skipped` : '',
    tally.otherTopics ? `${tally.otherTopics} messages on other topics ignored` : '',
  ].filter(Boolean).join(', ');
  output.out(`${out}: ${tally.events} events from ${tally.equipment.size} equipment${skipped ? `; ${skipped}` : ''}`);
  return EXIT_OK;
}

export const recordCommand: Command = {
  name: 'record',
  summary: 'record machine states from an MQTT broker to a JSON-lines file',
  usage: `Usage: plant-twin record --broker <url> --out <file> [--topic <filter>] [--duration <seconds>]

Subscribes to state topics ({enterprise}/{site}/{area}/{line}/{cell}/{equipment}/state, payload
{ts, state, reason?, order?, operation?, good?, scrap?}) and writes each valid message as one line
of a JSON-lines recording, in the order heard, with the equipment taken from the topic.
Invalid payloads are reported on standard error, skipped and counted. Stops after --duration
seconds, or on Ctrl-C. The file is accepted by \`plant-twin validate\` and by the app's replay.

Exit codes: 0 recorded, 1 the broker could not be reached, 2 usage error.`,
  options: {
    broker: { type: 'string' },
    out: { type: 'string' },
    topic: { type: 'string' },
    duration: { type: 'string' },
  },
  optionHelp: {
    broker: 'broker URL: mqtt://host:1883, ws://host:9001 or wss://…',
    out: 'the JSON-lines file to write (.jsonl)',
    topic: 'topic filter to subscribe (default "#"), e.g. acme/plant-1/#',
    duration: 'stop after this many seconds (default: until Ctrl-C)',
  },
  async run({ values }, output) {
    const broker = values.broker;
    const out = values.out;
    if (typeof broker !== 'string' || typeof out !== 'string') {
      output.err('plant-twin record: --broker and --out are required (see plant-twin record --help)');
      return EXIT_USAGE;
    }
    if (!/^(mqtts?|wss?):\/\//.test(broker)) {
      output.err(`plant-twin record: --broker must be an mqtt://, mqtts://, ws:// or wss:// URL, found "${broker}"`);
      return EXIT_USAGE;
    }
    let seconds: number | undefined;
    if (values.duration !== undefined) {
      seconds = Number(values.duration);
      if (!(seconds > 0)) {
        output.err(`plant-twin record: --duration must be a number of seconds > 0, found "${String(values.duration)}"`);
        return EXIT_USAGE;
      }
    }
    const topic = typeof values.topic === 'string' ? values.topic : '#';
    return record(broker, out, topic, seconds, output);
  },
};
