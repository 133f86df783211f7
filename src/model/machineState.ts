import { z } from 'zod';

/**
 * The one compact state enum shared by simulation, live and recorded data, so a single KPI
 * implementation (time in state, OEE) serves all three. Mappings from PackML, MTConnect,
 * OPC UA Machinery and SEMI E10 are documented in docs/STATES.md.
 */
export const MACHINE_STATES = [
  'processing', 'setup', 'idle', 'starved', 'blocked', 'down', 'maintenance', 'off-shift', 'off', 'unknown',
] as const;
export const MachineState = z.enum(MACHINE_STATES);
export type MachineState = z.infer<typeof MachineState>;
