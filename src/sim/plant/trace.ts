import { MACHINE_STATES } from '../../model/machineState.ts';

/**
 * What happened in one run, for the 3D playback: state changes of equipment, moves of lots
 * between equipment, and lots starting on equipment. Parallel typed arrays grown by doubling, so
 * a week of a large plant is a few megabytes and crosses a worker boundary as transferables.
 */
export interface PlantTraceData {
  /** Index tables: the numbers in the arrays point into these. */
  equipment: string[];
  orders: string[];
  states: string[];
  /** Routing operation ids, each once (routings that share an id share the entry). */
  operations: string[];
  /** Lot id → order index and quantity when the lot was created. */
  lotOrder: Uint32Array;
  lotQuantity: Uint32Array;
  stateTime: Float64Array;
  stateEquipment: Uint16Array;
  stateCode: Uint8Array;
  /** A move leaves `from` at moveStart and reaches `to` at moveEnd; 0xFFFF is outside the plant. */
  moveStart: Float64Array;
  moveEnd: Float64Array;
  moveLot: Uint32Array;
  moveFrom: Uint16Array;
  moveTo: Uint16Array;
  /** A lot is loaded onto equipment (its setup or processing begins). */
  loadTime: Float64Array;
  loadLot: Uint32Array;
  loadEquipment: Uint16Array;
  /** The operation the lot is loaded for: index into `operations`. */
  loadOperation: Uint16Array;
}

type Growable = Float64Array | Uint32Array | Uint16Array | Uint8Array;

function grow<A extends Growable>(array: A, length: number): A {
  const bigger = new (array.constructor as new (n: number) => A)(Math.max(16, length * 2));
  bigger.set(array);
  return bigger;
}

export class PlantTrace {
  private states = 0;
  private moves = 0;
  private loads = 0;
  private lots = 0;
  private stateTime = new Float64Array(256);
  private stateEquipment = new Uint16Array(256);
  private stateCode = new Uint8Array(256);
  private moveStart = new Float64Array(256);
  private moveEnd = new Float64Array(256);
  private moveLot = new Uint32Array(256);
  private moveFrom = new Uint16Array(256);
  private moveTo = new Uint16Array(256);
  private loadTime = new Float64Array(256);
  private loadLot = new Uint32Array(256);
  private loadEquipment = new Uint16Array(256);
  private loadOperation = new Uint16Array(256);
  private lotOrder = new Uint32Array(256);
  private lotQuantity = new Uint32Array(256);

  private readonly lastState: Int32Array;
  private readonly operations: string[];
  private readonly operationIndex: Map<string, number>;

  constructor(
    private readonly equipment: string[],
    private readonly orders: string[],
    operations: readonly string[] = [],
  ) {
    this.lastState = new Int32Array(equipment.length).fill(-1);
    this.operations = [...new Set(operations)];
    this.operationIndex = new Map(this.operations.map((id, i) => [id, i]));
  }

  /** The index of an operation id, adding it to the table if the constructor was not told of it. */
  private operationOf(id: string): number {
    let index = this.operationIndex.get(id);
    if (index === undefined) {
      index = this.operations.push(id) - 1;
      this.operationIndex.set(id, index);
    }
    return index;
  }

  /**
   * A change of state. Several changes of one equipment at the same instant (a job ends and the
   * next starts) keep only the last: playback never shows a state that lasted no time.
   */
  stateChange(time: number, equipment: number, state: number): void {
    const last = this.lastState[equipment]!;
    if (last >= 0 && this.stateTime[last] === time) {
      this.stateCode[last] = state;
      return;
    }
    this.lastState[equipment] = this.states;
    const i = this.states++;
    if (i === this.stateTime.length) {
      this.stateTime = grow(this.stateTime, i);
      this.stateEquipment = grow(this.stateEquipment, i);
      this.stateCode = grow(this.stateCode, i);
    }
    this.stateTime[i] = time;
    this.stateEquipment[i] = equipment;
    this.stateCode[i] = state;
  }

  move(start: number, end: number, lot: number, from: number, to: number): void {
    const i = this.moves++;
    if (i === this.moveStart.length) {
      this.moveStart = grow(this.moveStart, i);
      this.moveEnd = grow(this.moveEnd, i);
      this.moveLot = grow(this.moveLot, i);
      this.moveFrom = grow(this.moveFrom, i);
      this.moveTo = grow(this.moveTo, i);
    }
    this.moveStart[i] = start;
    this.moveEnd[i] = end;
    this.moveLot[i] = lot;
    this.moveFrom[i] = from;
    this.moveTo[i] = to;
  }

  load(time: number, lot: number, equipment: number, operation: string): void {
    const i = this.loads++;
    if (i === this.loadTime.length) {
      this.loadTime = grow(this.loadTime, i);
      this.loadLot = grow(this.loadLot, i);
      this.loadEquipment = grow(this.loadEquipment, i);
      this.loadOperation = grow(this.loadOperation, i);
    }
    this.loadTime[i] = time;
    this.loadLot[i] = lot;
    this.loadEquipment[i] = equipment;
    this.loadOperation[i] = this.operationOf(operation);
  }

  /** Lots get ids 0, 1, 2… in creation order; this records what each one is. */
  lot(id: number, order: number, quantity: number): void {
    while (id >= this.lotOrder.length) {
      this.lotOrder = grow(this.lotOrder, this.lotOrder.length);
      this.lotQuantity = grow(this.lotQuantity, this.lotQuantity.length);
    }
    this.lotOrder[id] = order;
    this.lotQuantity[id] = quantity;
    if (id >= this.lots) this.lots = id + 1;
  }

  /** The trace trimmed to its length (copies, so the result owns its buffers). */
  data(): PlantTraceData {
    return {
      equipment: this.equipment, orders: this.orders, states: [...MACHINE_STATES], operations: [...this.operations],
      lotOrder: this.lotOrder.slice(0, this.lots), lotQuantity: this.lotQuantity.slice(0, this.lots),
      stateTime: this.stateTime.slice(0, this.states), stateEquipment: this.stateEquipment.slice(0, this.states),
      stateCode: this.stateCode.slice(0, this.states),
      moveStart: this.moveStart.slice(0, this.moves), moveEnd: this.moveEnd.slice(0, this.moves),
      moveLot: this.moveLot.slice(0, this.moves), moveFrom: this.moveFrom.slice(0, this.moves), moveTo: this.moveTo.slice(0, this.moves),
      loadTime: this.loadTime.slice(0, this.loads), loadLot: this.loadLot.slice(0, this.loads), loadEquipment: this.loadEquipment.slice(0, this.loads),
      loadOperation: this.loadOperation.slice(0, this.loads),
    };
  }
}

/** The typed arrays of a trace in their fixed file order (see traceFile.ts and docs/SIMULATION.md). */
export function traceArrays(t: PlantTraceData): Growable[] {
  return [
    t.lotOrder, t.lotQuantity,
    t.stateTime, t.stateEquipment, t.stateCode,
    t.moveStart, t.moveEnd, t.moveLot, t.moveFrom, t.moveTo,
    t.loadTime, t.loadLot, t.loadEquipment, t.loadOperation,
  ];
}

/**
 * FNV-1a (32-bit) over the bytes of every array, in file order: equal hashes mean the same run
 * to the bit (typed arrays are little-endian on every engine we run on).
 */
export function traceHash(t: PlantTraceData): string {
  let hash = 0x811c9dc5;
  for (const array of traceArrays(t)) {
    const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
    for (let i = 0; i < bytes.length; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
    // The length goes in too, so moving a value from one array to the next changes the hash.
    hash = Math.imul(hash ^ (array.length & 0xff), 0x01000193);
    hash = Math.imul(hash ^ (array.length >>> 8), 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
