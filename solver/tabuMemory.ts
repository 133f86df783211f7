/**
 * Short-term memory of the tabu search: ordered pairs "a before b" that moves may not re-create,
 * and (operation, machine) pairs that reassignments may not re-create, each with the iteration
 * until which it holds. Pairs live in a fixed-size table: exact (one slot per pair) for up to
 * 1024 operations (4 MB), beyond that hashed into 2^18 slots (3 MB; far more than the pairs alive
 * at once), where a collision overwrites an older entry and so only shortens some tenures.
 */
export class TabuMemory {
  private readonly n: number;
  private readonly mask: number;
  private readonly direct: boolean;
  private readonly keys: Float64Array;
  private readonly until: Int32Array;
  private readonly machineUntil: Int32Array;
  private readonly m: number;

  constructor(n: number, m: number) {
    this.n = n;
    this.m = m;
    const pairs = n * n;
    this.direct = pairs <= 1 << 20;
    const size = this.direct ? Math.max(pairs, 1) : 1 << 18;
    this.mask = size - 1;
    this.keys = new Float64Array(this.direct ? 0 : size).fill(-1);
    this.until = new Int32Array(size);
    this.machineUntil = new Int32Array(n * m);
  }

  private slot(key: number): number {
    if (this.direct) return key;
    const h = Math.imul((key % 4294967296) ^ Math.floor(key / 4294967296), 0x9e3779b1);
    return (h ^ (h >>> 15)) & this.mask;
  }

  /** Is "a before b" forbidden at iteration `iter`? */
  isPairTabu(a: number, b: number, iter: number): boolean {
    const key = a * this.n + b;
    const s = this.slot(key);
    if (!this.direct && this.keys[s] !== key) return false;
    return (this.until[s] as number) > iter;
  }

  forbidPair(a: number, b: number, until: number): void {
    const key = a * this.n + b;
    const s = this.slot(key);
    if (!this.direct) this.keys[s] = key;
    this.until[s] = until;
  }

  isMachineTabu(op: number, k: number, iter: number): boolean {
    return (this.machineUntil[op * this.m + k] as number) > iter;
  }

  forbidMachine(op: number, k: number, until: number): void {
    this.machineUntil[op * this.m + k] = until;
  }

  clear(): void {
    this.until.fill(0);
    this.machineUntil.fill(0);
    if (!this.direct) this.keys.fill(-1);
  }
}
