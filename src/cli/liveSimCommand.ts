import { connect, type MqttClient } from 'mqtt';
import { stateTopics, topicSegment, traceMessages } from '../live/traceMessages.ts';
import { simulatePlant } from '../sim/plant/simulatePlant.ts';
import { BROKER_OPTION_HELP, BROKER_OPTIONS, brokerConnection, maskedOutput } from './brokerOptions.ts';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, type Command } from './command.ts';
import { loadScenarioPlant } from './scenarioInput.ts';
import { INPUT_OPTION_HELP, INPUT_OPTIONS, inputOptionsOf } from './inputFile.ts';
import { stopSignal } from './stopSignal.ts';

/** How long the last messages may wait for the broker's acknowledgement at the horizon. */
const DRAIN_MS = 10_000;

function firstConnect(client: MqttClient): Promise<Error | undefined> {
  return new Promise((resolve) => {
    client.once('connect', () => resolve(undefined));
    client.once('error', (error) => resolve(error));
    client.once('close', () => resolve(new Error('no MQTT connection (refused, closed or not an MQTT listener)')));
  });
}

function positive(value: unknown, name: string, integer: boolean): number | string | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  const ok = typeof value === 'string' && value.trim() !== '' && Number.isFinite(n) && (integer ? Number.isSafeInteger(n) && n >= 0 : n > 0);
  return ok ? n : `--${name} must be ${integer ? 'a whole number ≥ 0' : 'a number > 0'}, found "${String(value)}"`;
}

export const liveSimCommand: Command = {
  name: 'live-sim',
  summary: 'simulate a scenario and publish its machine states to an MQTT broker, paced like a live plant',
  usage: `Usage: plant-twin live-sim <scenario> --broker <url> [--speed X] [--seed S] [--enterprise E] [--horizon M]

Simulates one replication of the scenario (with its trace), then publishes every state change
at its simulated time divided by --speed (wall clock paced) to
{enterprise}/{site}/{area}/{line}/{cell}/{equipment}/state with the payload {ts, state, order?}
(ts: the simulated time, ms since the epoch), at QoS 1 and retained, so a late subscriber gets
each machine's current state. A stand-in for a plant when trying the app's live panel.
Pacing follows the wall clock whatever the broker does: a message the broker has not acknowledged
is resent by the client when it is back. Ends at the horizon (waiting at most 10 s for the last
acknowledgements), or at once on the first Ctrl-C or SIGTERM.

Exit codes: 0 published, 1 scenario invalid, broker unreachable, or messages the broker never
acknowledged, 2 usage error.`,
  options: {
    ...BROKER_OPTIONS,
    speed: { type: 'string' },
    seed: { type: 'string' },
    enterprise: { type: 'string' },
    horizon: { type: 'string' },
    ...INPUT_OPTIONS,
  },
  optionHelp: {
    ...BROKER_OPTION_HELP,
    speed: 'simulated minutes per wall-clock minute (default 60: a simulated minute each second)',
    seed: 'random seed, a whole number ≥ 0 (default: the scenario\'s)',
    enterprise: 'first topic segment (default: the layout\'s enterprise, else "plant-twin")',
    horizon: 'minutes to simulate (default: the scenario\'s)',
    ...INPUT_OPTION_HELP,
  },
  async run({ values, positionals }, rawOutput) {
    const broker = await brokerConnection(values);
    const output = maskedOutput(rawOutput, 'url' in broker ? broker.password : undefined);
    if (positionals.length !== 1 || typeof values.broker !== 'string') {
      output.err('plant-twin live-sim: name one scenario file and --broker (see plant-twin live-sim --help)');
      return EXIT_USAGE;
    }
    if ('usage' in broker) {
      output.err(`plant-twin live-sim: ${broker.usage}`);
      return EXIT_USAGE;
    }
    if ('invalid' in broker) {
      output.err(`plant-twin live-sim: ${broker.invalid}`);
      return EXIT_INVALID;
    }
    const speed = positive(values.speed, 'speed', false) ?? 60;
    const seed = positive(values.seed, 'seed', true);
    const horizon = positive(values.horizon, 'horizon', false);
    const inputOptions = inputOptionsOf(values);
    const bad = [speed, seed, horizon].find((v) => typeof v === 'string') ?? ('error' in inputOptions ? inputOptions.error : undefined);
    if (typeof bad === 'string') {
      output.err(`plant-twin live-sim: ${bad} (see plant-twin live-sim --help)`);
      return EXIT_USAGE;
    }
    const loadedPlant = await loadScenarioPlant(positionals[0]!, 'live-sim', output, 'error' in inputOptions ? {} : inputOptions);
    if (typeof loadedPlant === 'number') return loadedPlant;
    const { input, plant } = loadedPlant;
    if (plant.scenario.experiment.dispatching === 'schedule') {
      output.err(`plant-twin live-sim: ${input.file} dispatches by "schedule", and live-sim takes no schedule to follow; set experiment.dispatching to FIFO, EDD, SPT or ATCS`);
      return EXIT_USAGE;
    }
    const result = simulatePlant(plant, { trace: true, seed: seed as number | undefined, horizon: horizon as number | undefined, warmup: 0 });
    const enterprise = topicSegment(typeof values.enterprise === 'string' ? values.enterprise : plant.layout.enterprise ?? 'plant-twin');
    const messages = traceMessages(result.trace!, stateTopics(plant.layout, enterprise), Date.parse(plant.scenario.start));

    const client = connect(broker.url, {
      clientId: `plant-twin-live-sim-${crypto.randomUUID()}`,
      reconnectPeriod: 1000,
      connectTimeout: 5000,
      ...(broker.username ? { username: broker.username } : {}),
      ...(broker.password ? { password: broker.password } : {}),
    });
    const failure = await firstConnect(client);
    if (failure) {
      client.end(true);
      output.err(`plant-twin live-sim: cannot connect to ${broker.shown}: ${failure.message || failure.name}`);
      return EXIT_INVALID;
    }
    client.on('error', () => undefined);
    output.err(`publishing ${messages.length} state changes to ${enterprise}/… at ${speed as number}× (Ctrl-C to stop)`);
    const signal = stopSignal();
    const msPerMinute = 60_000 / (speed as number);
    const first = messages[0]?.minute ?? 0;
    const began = Date.now();
    let sent = 0;
    let acknowledged = 0;
    let failed = 0;
    const pending = new Set<Promise<void>>();
    try {
      for (const m of messages) {
        const wait = began + (m.minute - first) * msPerMinute - Date.now();
        if (wait > 0) await signal.sleep(wait);
        if (signal.stopped) break;
        // Not awaited: a broker that is away must not stop the clock; the client resends on reconnect.
        const ack: Promise<void> = client.publishAsync(m.topic, JSON.stringify(m.payload), { qos: 1, retain: true })
          .then(() => { acknowledged++; }, () => { failed++; })
          .finally(() => pending.delete(ack));
        pending.add(ack);
        sent++;
      }
      if (!signal.stopped && pending.size > 0) {
        await Promise.race([Promise.all(pending), signal.whenStopped, new Promise((r) => setTimeout(r, DRAIN_MS).unref())]);
      }
    } finally {
      signal.dispose();
      client.end(true);
    }
    const last = sent > 0 ? messages[sent - 1]!.minute : first;
    const unconfirmed = sent - acknowledged;
    output.out(`${sent} state changes published over ${Math.round(last - first)} simulated minutes${sent < messages.length ? ' (stopped early)' : ''}${unconfirmed ? `; ${unconfirmed} not acknowledged by the broker${failed ? ` (${failed} refused)` : ''}` : ''}`);
    return unconfirmed > 0 ? EXIT_INVALID : EXIT_OK;
  },
};
