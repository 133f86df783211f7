import { execFile } from 'node:child_process';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, ftruncateSync, writeSync, fstatSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { connectAsync, type MqttClient } from 'mqtt';
import { loadDispatchListText } from '../model/loadDispatchList.ts';
import { formatProblem } from '../model/problem.ts';
import type { MesAnswer } from '../mes/mesAnswer.ts';
import { RandomStreams, type RandomStream } from '../sim/random.ts';

export interface ReceiverOptions {
  port: number;
  host: string;
  store: string;
  /** Share of requests answered 503 without storing anything. */
  failRate: number;
  /** Share of requests whose connection is dropped without an answer (half before storing, half after). */
  dropRate: number;
  /** Answers are delayed by a uniform time in [0, delayMs]. */
  delayMs: number;
  /** Share of new lists answered "rejected". */
  rejectRate: number;
  seed: number;
  /** Bearer token a request must carry, when set. */
  token?: string;
  /** B2MML schema folder: every XML body is checked with xmllint --schema against it. */
  schemaDir?: string;
  /** Broker to subscribe to: each work centre's list heard on a `…/dispatch` topic is stored once. */
  mqttUrl?: string;
  /** Called for each line the receiver would log. */
  log?: (line: string) => void;
}

/** One stored answer: a line of received.jsonl (accepted) or rejected.jsonl. */
interface StoredList {
  id: string;
  receivedAt: string;
  format: 'b2mml' | 'json';
  answer: MesAnswer;
  workCentres: string[];
  body: string;
}

const RECEIVED = 'received.jsonl';
/** The app publishes from the page, another origin than the MES: it must be let through (CORS). */
const CORS = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'Retry-After' };
const REJECTED = 'rejected.jsonl';
const RECEIVED_MQTT = 'received-mqtt.jsonl';

/**
 * An append-only JSON-lines file, fsynced per line. A line cut by a kill is dropped on open: it
 * was never confirmed to anyone, so the publisher will send that list again.
 */
class DurableLines {
  private fd: number;
  constructor(readonly path: string, onLine: (json: unknown) => void) {
    if (!existsSync(path)) writeFileSync(path, '');
    const bytes = readFileSync(path);
    let good = 0;
    // Byte offsets, not string lengths: a stored body holds multi-byte characters.
    for (let end = bytes.indexOf(0x0a); end >= 0; end = bytes.indexOf(0x0a, good)) {
      try {
        onLine(JSON.parse(bytes.subarray(good, end).toString('utf8')));
      } catch {
        break;
      }
      good = end + 1;
    }
    this.fd = openSync(path, 'r+');
    if (fstatSync(this.fd).size > good) ftruncateSync(this.fd, good);
    this.size = good;
  }
  private size: number;
  append(json: unknown): void {
    const text = `${JSON.stringify(json)}\n`;
    writeSync(this.fd, text, this.size);
    fsyncSync(this.fd);
    this.size += Buffer.byteLength(text);
  }
  close(): void {
    closeSync(this.fd);
  }
}

const xml = new XMLParser({ ignoreAttributes: true, parseTagValue: false, isArray: (name) => ['JobList', 'JobOrder', 'HierarchyScopeChild'].includes(name) });

interface Parsed { id: string; workCentres: string[]; format: 'b2mml' | 'json' }

function deepestEquipment(scope: Record<string, unknown> | undefined): string | undefined {
  let node = scope;
  let id: string | undefined;
  while (node) {
    if (typeof node.EquipmentID === 'string') id = node.EquipmentID;
    const child = node.HierarchyScopeChild as Record<string, unknown>[] | undefined;
    node = child?.[0];
  }
  return id;
}

function parseBody(body: string, contentType: string): Parsed | { error: string } {
  if (contentType.includes('json')) {
    const loaded = loadDispatchListText(body, 'body');
    if (!loaded.ok) return { error: loaded.problems.slice(0, 5).map(formatProblem).join('; ') };
    return { id: loaded.value.id, workCentres: loaded.value.equipment.map((e) => e.equipment), format: 'json' };
  }
  let doc: Record<string, unknown>;
  try {
    doc = xml.parse(body, true) as Record<string, unknown>;
  } catch (error) {
    return { error: `not well-formed XML: ${(error as Error).message}` };
  }
  const root = doc.ProcessJobList as Record<string, any> | undefined; // eslint-disable-line @typescript-eslint/no-explicit-any
  if (!root) return { error: 'expected a B2MML ProcessJobList document' };
  const id = root.ApplicationArea?.BODID;
  if (typeof id !== 'string' || id === '') return { error: 'ProcessJobList/ApplicationArea/BODID is missing' };
  const lists = (root.DataArea?.JobList ?? []) as Record<string, unknown>[];
  const workCentres = lists.map((l) => deepestEquipment(l.HierarchyScope as Record<string, unknown> | undefined) ?? String(l.ID));
  return { id, workCentres, format: 'b2mml' };
}

function xmllint(schemaDir: string, body: string): Promise<string | null> {
  return new Promise((resolve) => {
    const child = execFile('xmllint', ['--noout', '--schema', join(schemaDir, 'B2MML-WorkSchedule.xsd'), '-'], (error, _out, stderr) => {
      if (!error) return resolve(null);
      const lines = stderr.split('\n').filter((l) => l.trim() !== '' && !l.includes('Skipping import'));
      resolve(lines.slice(0, 5).join('; ') || error.message);
    });
    child.stdin!.end(body);
  });
}

export class MesReceiver {
  private readonly answers = new Map<string, MesAnswer>();
  private readonly inProgress = new Set<string>();
  private readonly received: DurableLines;
  private readonly rejected: DurableLines;
  private readonly faults: RandomStream;
  private server: Server | null = null;
  private mqtt: MqttClient | null = null;
  private readonly heard = new Set<string>();
  private readonly receivedMqtt: DurableLines;
  /** Accepted lists in arrival order (what received.jsonl holds). */
  readonly acceptedIds: string[] = [];

  constructor(private readonly o: ReceiverOptions) {
    mkdirSync(o.store, { recursive: true });
    const remember = (json: unknown) => {
      const line = json as StoredList;
      this.answers.set(line.id, line.answer);
      if (line.answer.status !== 'rejected') this.acceptedIds.push(line.id);
    };
    this.received = new DurableLines(join(o.store, RECEIVED), remember);
    this.rejected = new DurableLines(join(o.store, REJECTED), remember);
    this.receivedMqtt = new DurableLines(join(o.store, RECEIVED_MQTT), (json) => {
      const line = json as { id: string; workCentre: string };
      this.heard.add(`${line.id}/${line.workCentre}`);
    });
    // A restarted receiver must not replay the same faults: the seed moves on with what is stored.
    this.faults = new RandomStreams(o.seed, this.answers.size).stream('faults');
  }

  private log(line: string): void {
    this.o.log?.(line);
  }

  async listen(): Promise<number> {
    this.server = createServer((req, res) => { void this.handle(req, res); });
    this.server.keepAliveTimeout = 5000;
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(this.o.port, this.o.host, () => resolve());
    });
    if (this.o.mqttUrl) await this.subscribe(this.o.mqttUrl);
    const address = this.server.address();
    return typeof address === 'object' && address ? address.port : this.o.port;
  }

  /**
   * Listens on every `…/dispatch` topic (QoS 1). A retained list is heard again at each
   * (re)subscription; the version id and work centre make the key, so each is stored once.
   */
  private async subscribe(url: string): Promise<void> {
    this.mqtt = await connectAsync(url, { clientId: `plant-twin-mes-receiver-${process.pid}`, clean: true, reconnectPeriod: 1000 });
    this.mqtt.on('error', () => undefined);
    this.mqtt.on('message', (topic, payload) => {
      if (!topic.endsWith('/dispatch')) return;
      const loaded = loadDispatchListText(payload.toString('utf8'), topic);
      if (!loaded.ok) return this.log(`ignored ${topic}: ${formatProblem(loaded.problems[0]!)}`);
      for (const entry of loaded.value.equipment) {
        const key = `${loaded.value.id}/${entry.equipment}`;
        if (this.heard.has(key)) continue;
        this.receivedMqtt.append({ id: loaded.value.id, workCentre: entry.equipment, topic, receivedAt: new Date().toISOString(), body: payload.toString('utf8') });
        this.heard.add(key);
        this.log(`MQTT ${key}`);
      }
    });
    await this.mqtt.subscribeAsync('#', { qos: 1 });
  }

  close(): Promise<void> {
    void this.mqtt?.endAsync();
    this.received.close();
    this.rejected.close();
    this.receivedMqtt.close();
    return new Promise((resolve) => {
      if (!this.server) return resolve();
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private reply(res: ServerResponse, status: number, json: unknown, headers: Record<string, string> = {}): void {
    const body = JSON.stringify(json);
    res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), ...CORS, ...headers });
    res.end(body);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...CORS, 'Access-Control-Allow-Methods': 'POST, GET', 'Access-Control-Allow-Headers': 'Content-Type, Authorization, Idempotency-Key', 'Access-Control-Max-Age': '600' });
      return void res.end();
    }
    if (req.method === 'GET' && req.url === '/received') return this.reply(res, 200, { accepted: this.acceptedIds });
    if (req.method !== 'POST') return this.reply(res, 405, { message: 'POST a dispatch list (B2MML ProcessJobList or dispatch JSON)' });
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    if (this.o.token !== undefined && req.headers.authorization !== `Bearer ${this.o.token}`) {
      return this.reply(res, 401, { message: 'a valid bearer token is required' });
    }
    const key = req.headers['idempotency-key'];
    if (typeof key !== 'string' || key === '') return this.reply(res, 400, { message: 'the Idempotency-Key header is required' });

    const dice = this.faults.next();
    if (dice < this.o.dropRate / 2) {
      this.log(`drop before storing ${key}`);
      return void req.socket.destroy();
    }
    if (Math.abs(dice - 0.5) < this.o.failRate / 2) {
      this.log(`503 for ${key}`);
      return this.reply(res, 503, { message: 'injected failure: try again' });
    }
    const known = this.answers.get(key);
    if (known) {
      await this.delay();
      this.log(`replay ${key}`);
      return this.reply(res, 200, known);
    }
    if (this.inProgress.has(key)) return this.reply(res, 409, { message: `still processing ${key}` }, { 'Retry-After': '1' });
    this.inProgress.add(key);
    try {
      const parsed = parseBody(body, String(req.headers['content-type'] ?? ''));
      if ('error' in parsed) return this.reply(res, 400, { message: parsed.error });
      if (parsed.id !== key) return this.reply(res, 400, { message: `the Idempotency-Key ${key} is not the document's id ${parsed.id}` });
      if (parsed.format === 'b2mml' && this.o.schemaDir) {
        const invalid = await xmllint(this.o.schemaDir, body);
        if (invalid) return this.reply(res, 400, { message: `the B2MML does not validate: ${invalid}` });
      }
      await this.delay();
      const reject = this.faults.next() < this.o.rejectRate;
      const answer: MesAnswer = reject
        ? { id: key, status: 'rejected', text: 'injected rejection', workCentres: parsed.workCentres.map((workCentre) => ({ workCentre, status: 'rejected', text: 'injected rejection' })) }
        : { id: key, status: 'accepted', text: `stored as list ${this.acceptedIds.length + 1}`, workCentres: parsed.workCentres.map((workCentre) => ({ workCentre, status: 'accepted', text: '' })) };
      const line: StoredList = { id: key, receivedAt: new Date().toISOString(), format: parsed.format, answer, workCentres: parsed.workCentres, body };
      (reject ? this.rejected : this.received).append(line);
      this.answers.set(key, answer);
      if (!reject) this.acceptedIds.push(key);
      this.log(`${answer.status} ${key}`);
      if (dice >= 1 - this.o.dropRate / 2) {
        this.log(`drop after storing ${key}`);
        return void req.socket.destroy();
      }
      this.reply(res, 200, answer);
    } finally {
      this.inProgress.delete(key);
    }
  }

  private delay(): Promise<void> {
    if (this.o.delayMs <= 0) return Promise.resolve();
    const ms = this.faults.next() * this.o.delayMs;
    return new Promise((resolve) => setTimeout(resolve, ms));
  }
}
