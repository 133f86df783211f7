import path from 'node:path';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, type Command } from './command.ts';
import { MesReceiver } from './mesReceiver.ts';
import { numberOption, readSecret } from './mesCli.ts';

export const DEFAULT_B2MML_SCHEMAS = path.join('..', 'shared', 'standards', 'b2mml', 'Schema');

export const mesReceiverCommand: Command = {
  name: 'mes-receiver',
  summary: 'run a reference MES that stores each published list once (for tests and demos)',
  usage: `Usage: plant-twin mes-receiver --port N --store DIR [--fail-rate R] [--drop-rate R] [--delay-ms D] [--reject-rate R]

A small MES for tests and demos: an HTTP server taking POSTed dispatch lists (B2MML
ProcessJobList or dispatch JSON) with an Idempotency-Key. Each new list is appended to
DIR/received.jsonl (rejected ones to DIR/rejected.jsonl) and fsynced before the answer, so it
survives kill -9; a replayed key gets the stored answer; a key still being processed gets 409.
Faults on request: 503 answers, dropped connections (before or after storing), slow answers,
rejections. GET /received lists the accepted ids in arrival order. With --mqtt it also
subscribes to the broker and stores each (version, work centre) heard on a …/dispatch topic once
in DIR/received-mqtt.jsonl. Runs until Ctrl-C.`,
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    store: { type: 'string' },
    'fail-rate': { type: 'string' },
    'drop-rate': { type: 'string' },
    'delay-ms': { type: 'string' },
    'reject-rate': { type: 'string' },
    seed: { type: 'string' },
    'token-file': { type: 'string' },
    validate: { type: 'boolean' },
    schemas: { type: 'string' },
    verbose: { type: 'boolean' },
    mqtt: { type: 'string' },
  },
  optionHelp: {
    port: 'TCP port (0: any free one; the chosen port is printed)',
    host: 'address to listen on (default 127.0.0.1)',
    store: 'folder for received.jsonl and rejected.jsonl',
    'fail-rate': 'share of requests answered 503, 0–1 (default 0)',
    'drop-rate': 'share of requests whose connection is dropped, 0–1 (default 0)',
    'delay-ms': 'answers wait a uniform 0..D ms (default 0)',
    'reject-rate': 'share of new lists rejected, 0–1 (default 0)',
    seed: 'seed of the injected faults (default 1)',
    'token-file': 'require "Authorization: Bearer <first line of this file>"',
    validate: 'check every B2MML body with xmllint against the B2MML schemas (400 when invalid)',
    schemas: `B2MML schema folder for --validate (default ${DEFAULT_B2MML_SCHEMAS})`,
    verbose: 'log each request to stderr',
    mqtt: 'also subscribe to this broker: each work centre\'s list heard on a …/dispatch topic is stored once in DIR/received-mqtt.jsonl',
  },
  async run({ values }, output) {
    if (typeof values.store !== 'string' || typeof values.port !== 'string') {
      output.err('plant-twin mes-receiver: --port and --store are required (see plant-twin mes-receiver --help)');
      return EXIT_USAGE;
    }
    const numbers = {
      port: numberOption(values.port, 'port', 0, 0, 65535),
      failRate: numberOption(values['fail-rate'], 'fail-rate', 0, 0, 1),
      dropRate: numberOption(values['drop-rate'], 'drop-rate', 0, 0, 1),
      delayMs: numberOption(values['delay-ms'], 'delay-ms', 0, 0, 600_000),
      rejectRate: numberOption(values['reject-rate'], 'reject-rate', 0, 0, 1),
      seed: numberOption(values.seed, 'seed', 1, 0, 2 ** 32 - 1),
    };
    for (const v of Object.values(numbers)) if (typeof v === 'string') { output.err(`plant-twin mes-receiver: ${v}`); return EXIT_USAGE; }
    const n = numbers as Record<keyof typeof numbers, number>;
    let token: string | undefined;
    if (typeof values['token-file'] === 'string') {
      const secret = await readSecret(values['token-file']);
      if (typeof secret !== 'string') { output.err(`plant-twin mes-receiver: ${secret.error}`); return EXIT_INVALID; }
      token = secret;
    }
    const schemaDir = values.validate === true ? (typeof values.schemas === 'string' ? values.schemas : DEFAULT_B2MML_SCHEMAS) : undefined;
    const receiver = new MesReceiver({
      port: n.port, host: typeof values.host === 'string' ? values.host : '127.0.0.1', store: values.store,
      failRate: n.failRate, dropRate: n.dropRate, delayMs: n.delayMs, rejectRate: n.rejectRate, seed: n.seed, token, schemaDir,
      log: values.verbose === true ? (line) => output.err(line) : undefined,
      mqttUrl: typeof values.mqtt === 'string' ? values.mqtt : undefined,
    });
    let port: number;
    try {
      port = await receiver.listen();
    } catch (error) {
      output.err(`plant-twin mes-receiver: cannot listen: ${(error as Error).message}`);
      return EXIT_INVALID;
    }
    output.out(`mes-receiver listening on http://${typeof values.host === 'string' ? values.host : '127.0.0.1'}:${port}/ — store ${values.store}, ${receiver.acceptedIds.length} lists accepted before`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await receiver.close();
    return EXIT_OK;
  },
};
