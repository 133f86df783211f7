/**
 * simjs 2.0.3 as a reference engine for cross-checks and benchmarks — never for the product.
 * Its npm package is a browserify bundle whose exports are empty; it only assigns `window.Sim`.
 * So we point `window` at the global object before importing it, then read `globalThis.Sim`.
 * These types cover just the parts we use; the library ships none.
 */

export interface SimjsRequest {
  /** When a timer request fires. */
  deliverAt: number;
  /** Runs `callback` (with `this` = the entity) when the request completes. */
  done(callback: () => void, context?: object): SimjsRequest;
  cancel(): void;
}

export interface SimjsEntity {
  time(): number;
  setTimer(duration: number): SimjsRequest;
  useFacility(facility: SimjsFacility, duration: number): SimjsRequest;
}

export interface SimjsSim {
  time(): number;
  addEntity(entityClass: new (sim: SimjsSim, name?: string) => SimjsEntity & { start(): void }): SimjsEntity;
  /** Runs until no event is due before `endTime`. */
  simulate(endTime: number): boolean;
  /** The event list; `order` counts every insertion. */
  queue: { order: number };
}

// Opaque to callers: only passed back into useFacility.
export type SimjsFacility = object & { readonly __simjs: 'Facility' };

export interface SimjsRandom {
  random(): number;
  exponential(rate: number): number;
}

export interface Simjs {
  Sim: new () => SimjsSim;
  Entity: new (sim: SimjsSim, name?: string) => SimjsEntity;
  Facility: (new (name: string, discipline?: number, servers?: number) => SimjsFacility) & { FCFS: number };
  Random: new (seed: number) => SimjsRandom;
}

export async function loadSimjs(): Promise<Simjs> {
  const global = globalThis as { window?: unknown; Sim?: Simjs };
  if (!global.Sim) {
    global.window ??= globalThis;
    await import('simjs');
  }
  if (!global.Sim) throw new Error('simjs did not register window.Sim');
  return global.Sim;
}
