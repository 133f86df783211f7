import { z } from 'zod';
import { Id } from '../model/common.ts';
import { Outcome } from './auditEntry.ts';

/**
 * The MES's answer to a published version (the body of a 2xx reply): accepted, modified (taken
 * with changes, say which in `text`) or rejected, for the whole version and optionally per work
 * centre. The reference receiver (`plant-twin mes-receiver`) answers this way.
 */
export const MesAnswer = z.object({
  id: Id.describe('The version id the answer is for (the Idempotency-Key / BODID)'),
  status: Outcome,
  text: z.string().max(2000).default(''),
  workCentres: z.array(z.object({ workCentre: Id, status: Outcome, text: z.string().max(2000).default('') })).default([]),
}).meta({ title: 'Plant Twin MES answer', description: 'What an MES answers to a published dispatch list version.' });
export type MesAnswer = z.infer<typeof MesAnswer>;
