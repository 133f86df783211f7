import { z } from 'zod';
import { Id, IsoDateTime } from '../model/common.ts';

/** The two ways a version leaves: REST to the MES (answers), MQTT to each work centre's topic. */
export const Channel = z.enum(['rest', 'mqtt']);
export type Channel = z.infer<typeof Channel>;

/** What the MES said about a version or one of its work centres. */
export const Outcome = z.enum(['accepted', 'modified', 'rejected']);
export type Outcome = z.infer<typeof Outcome>;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hash, 64 lower-case hex digits');
const Text = z.string().max(2000);

const WorkCentreOutcome = z.object({ workCentre: Id, outcome: Outcome, text: Text }).strict();

/**
 * Each kind of audit entry, without the chain fields. These are also the outbox's journal: the
 * state of every version is the fold of these entries (outboxState.ts), so what the trail proves
 * and what the publisher does cannot drift apart.
 */
const BODIES = [
  z.object({
    type: z.literal('approved'),
    version: Id,
    supersedes: Id.nullable(),
    schedule: Id,
    by: z.string().min(1).max(200),
    reason: z.string().min(1).max(2000),
    workCentres: z.array(Id).min(1),
    documents: z.object({ b2mml: Sha256, json: Sha256 }).strict()
      .describe('SHA-256 of the frozen bytes approved: every attempt sends exactly these'),
  }).strict(),
  z.object({
    type: z.literal('superseded'),
    version: Id,
    by: Id.describe('The version that replaces it'),
    withdrawn: z.boolean().describe('True when it had not reached a final state: it is never sent again'),
  }).strict(),
  z.object({
    type: z.literal('attempt'),
    version: Id,
    channel: Channel,
    attempt: z.number().int().positive(),
    target: z.string().max(500).describe('Where it went, with any credentials removed'),
    workCentre: Id.optional().describe('MQTT: the work centre whose topic this attempt publishes to'),
  }).strict(),
  z.object({
    type: z.literal('attempt-failed'),
    version: Id,
    channel: Channel,
    attempt: z.number().int().positive(),
    error: Text,
    httpStatus: z.number().int().optional(),
    retryAt: IsoDateTime.nullable().describe('When the next attempt is due; null when it will not be retried'),
  }).strict(),
  z.object({
    type: z.literal('delivered'),
    version: Id,
    channel: z.literal('mqtt'),
    workCentre: Id,
    topic: z.string().min(1).max(500),
  }).strict(),
  z.object({
    type: z.literal('answer'),
    version: Id,
    channel: Channel,
    httpStatus: z.number().int().optional(),
    outcome: Outcome,
    text: Text,
    workCentres: z.array(WorkCentreOutcome),
  }).strict(),
  z.object({
    type: z.literal('failed'),
    version: Id,
    channel: Channel,
    error: Text,
    httpStatus: z.number().int().optional(),
  }).strict(),
  z.object({
    type: z.literal('retry-requested'),
    version: Id,
    by: z.string().min(1).max(200),
  }).strict(),
] as const;

export const EntryBody = z.discriminatedUnion('type', BODIES);
export type EntryBody = z.infer<typeof EntryBody>;
export type EntryType = EntryBody['type'];

export const GENESIS_HASH = '0'.repeat(64);

const chainShape = {
  seq: z.number().int().positive().describe('1, 2, 3 … in the order written'),
  at: IsoDateTime.describe('When it was written (UTC)'),
  prev: Sha256.describe(`Hash of the entry before; ${GENESIS_HASH.slice(0, 8)}… for the first`),
  hash: Sha256.describe('SHA-256 of the RFC 8785 canonical JSON of this entry without "hash"'),
};

/** One line of the audit trail (and outbox journal): an entry body with its place in the chain. */
export const AuditEntry = z.discriminatedUnion('type', [
  BODIES[0].extend(chainShape), BODIES[1].extend(chainShape), BODIES[2].extend(chainShape), BODIES[3].extend(chainShape),
  BODIES[4].extend(chainShape), BODIES[5].extend(chainShape), BODIES[6].extend(chainShape), BODIES[7].extend(chainShape),
]).meta({
  title: 'Plant Twin audit entry',
  description: 'One line of the hash-chained, append-only audit trail of approvals and publishing (journal.jsonl).',
});
export type AuditEntry = z.infer<typeof AuditEntry>;
