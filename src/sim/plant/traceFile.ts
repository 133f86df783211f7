import { traceArrays, type PlantTraceData } from './trace.ts';

/**
 * The binary trace file (`plant-twin simulate --trace FILE`), documented byte by byte in
 * docs/SIMULATION.md:
 *
 *   "PTTR" | u32 version = 2 | u32 header length H | H bytes of UTF-8 JSON header | zero padding
 *   to a multiple of 8 | each array's bytes, little-endian, each padded to a multiple of 8.
 *
 * The header names the index tables and the array lengths; the arrays follow in traceArrays()
 * order. Padding lets a reader map Float64Array views straight onto the file's buffer.
 */
export interface TraceFileHeader {
  format: 'plant-twin/trace';
  scenario: string;
  seed: number;
  replication: number;
  horizon: number;
  equipment: string[];
  orders: string[];
  states: string[];
  operations: string[];
  counts: { lots: number; states: number; moves: number; loads: number };
}

const MAGIC = [0x50, 0x54, 0x54, 0x52]; // "PTTR"
const VERSION = 2;

const pad8 = (n: number): number => (n + 7) & ~7;

function requireLittleEndian(): void {
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) throw new Error('trace files are little-endian; this platform is not');
}

export function encodeTrace(trace: PlantTraceData, meta: { scenario: string; seed: number; replication: number; horizon: number }): Uint8Array {
  requireLittleEndian();
  const header: TraceFileHeader = {
    format: 'plant-twin/trace', ...meta,
    equipment: trace.equipment, orders: trace.orders, states: trace.states, operations: trace.operations,
    counts: { lots: trace.lotOrder.length, states: trace.stateTime.length, moves: trace.moveStart.length, loads: trace.loadTime.length },
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const arrays = traceArrays(trace);
  let size = pad8(12 + json.length);
  for (const a of arrays) size += pad8(a.byteLength);
  const bytes = new Uint8Array(size);
  bytes.set(MAGIC, 0);
  const view = new DataView(bytes.buffer);
  view.setUint32(4, VERSION, true);
  view.setUint32(8, json.length, true);
  bytes.set(json, 12);
  let offset = pad8(12 + json.length);
  for (const a of arrays) {
    bytes.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), offset);
    offset += pad8(a.byteLength);
  }
  return bytes;
}

/** Reads a trace file back; throws on a file that is not one (a bug or a wrong file, not user input to word). */
export function decodeTrace(bytes: Uint8Array): { header: TraceFileHeader; trace: PlantTraceData } {
  requireLittleEndian();
  if (bytes.length < 12 || MAGIC.some((b, i) => bytes[i] !== b)) throw new Error('not a plant-twin trace file (no "PTTR" at the start)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(4, true);
  // Version 1 had no load operations; nothing writes it any more, so it is refused rather than guessed at.
  if (version !== VERSION) throw new Error(`trace file version ${version}; this reader knows only version ${VERSION} (re-run the simulation to write a new trace)`);
  const length = view.getUint32(8, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + length))) as TraceFileHeader;
  let offset = pad8(12 + length);
  const take = <A extends Float64Array | Uint32Array | Uint16Array | Uint8Array>(Kind: { new (n: number): A; BYTES_PER_ELEMENT: number }, n: number): A => {
    const array = new Kind(n);
    new Uint8Array(array.buffer).set(bytes.subarray(offset, offset + n * Kind.BYTES_PER_ELEMENT));
    offset += pad8(n * Kind.BYTES_PER_ELEMENT);
    return array;
  };
  const { lots, states, moves, loads } = header.counts;
  const trace: PlantTraceData = {
    equipment: header.equipment, orders: header.orders, states: header.states, operations: header.operations,
    lotOrder: take(Uint32Array, lots), lotQuantity: take(Uint32Array, lots),
    stateTime: take(Float64Array, states), stateEquipment: take(Uint16Array, states), stateCode: take(Uint8Array, states),
    moveStart: take(Float64Array, moves), moveEnd: take(Float64Array, moves), moveLot: take(Uint32Array, moves),
    moveFrom: take(Uint16Array, moves), moveTo: take(Uint16Array, moves),
    loadTime: take(Float64Array, loads), loadLot: take(Uint32Array, loads), loadEquipment: take(Uint16Array, loads),
    loadOperation: take(Uint16Array, loads),
  };
  return { header, trace };
}
