import type { FlowStuck } from './flow.ts';
import { PlantProblemError, type PlantProblem } from './plantProblem.ts';

/**
 * The plant cannot be scheduled by the engine: every dispatching construction got stuck in its
 * finite buffers (a lot waits for room that only lots waiting behind it could free). The message
 * names the full buffers, where they are in the layout and what to change.
 */
export class PlantDeadlockError extends PlantProblemError {
  constructor(message: string) {
    super(message);
    this.name = 'PlantDeadlockError';
  }
}

/** Lists shown per buffer and buffers shown in all: enough to find the cycle, short enough to read. */
const SHOWN_LOTS = 3;
const SHOWN_BUFFERS = 6;

/** One line: which construction deadlocked, the full buffers it stopped at, and what to change. */
export function deadlockMessage(pp: PlantProblem, rule: string, stuck: FlowStuck): string {
  const machines = pp.plant.machines;
  const lot = (v: number): string => `${pp.orders[pp.problem.operations[v]!.job]!.id}/${pp.operationIds[v]}`;
  const parts = (x: number): string => (Number.isInteger(x) ? String(x) : x.toFixed(2));
  const where = new Set<string>();
  const buffers: string[] = [];
  for (const w of stuck.waiting) {
    const m = machines[w.machine]!;
    if (m.inputCapacity === Infinity) continue;
    where.add(`${m.layoutPath}.inputBuffer`);
    const lots = w.ops.slice(0, SHOWN_LOTS).map((v, i) => {
      const f = w.from[i] as number;
      return f >= 0 ? `${lot(v)} from ${machines[f]!.id}` : lot(v);
    });
    const more = w.ops.length > SHOWN_LOTS ? ` and ${w.ops.length - SHOWN_LOTS} more` : '';
    buffers.push(`${m.id}'s input buffer (capacity ${parts(m.inputCapacity)}) holds ${parts(w.used)} parts while ${lots.join(', ')}${more} wait${w.ops.length === 1 ? 's' : ''} for room`);
  }
  for (const b of stuck.blocked) {
    const m = machines[b.machine]!;
    where.add(`${m.layoutPath}.outputBuffer`);
    buffers.push(`${m.id} cannot unload ${lot(b.op)}: its output buffer (capacity ${parts(m.outputCapacity)}) holds ${parts(b.used)} parts`);
  }
  const shown = buffers.slice(0, SHOWN_BUFFERS).join('; ') + (buffers.length > SHOWN_BUFFERS ? `; and ${buffers.length - SHOWN_BUFFERS} more` : '');
  const head = `the lots deadlock in the finite buffers under every dispatching rule (${rule}: ${stuck.unfinished} of ${pp.problem.operations.length} operations left undone)`;
  if (buffers.length === 0) return `${head}; raise the layout's inputBuffer/outputBuffer capacities or leave them out (unlimited)`;
  return `${head}: ${shown}. Raise these capacities (${byFile([...where])}) or leave them out (unlimited), or split the orders into lots smaller than the buffers`;
}

/** `file: path` entries as `file: path, path; other: path`. */
function byFile(places: string[]): string {
  const files = new Map<string, string[]>();
  for (const p of places) {
    const at = p.lastIndexOf(': ');
    const file = at < 0 ? '' : p.slice(0, at);
    files.set(file, [...(files.get(file) ?? []), at < 0 ? p : p.slice(at + 2)]);
  }
  return [...files].map(([file, paths]) => (file === '' ? paths.join(', ') : `${file}: ${paths.join(', ')}`)).join('; ');
}
