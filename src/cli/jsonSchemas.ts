import { z } from 'zod';
import { Experiment, JsonValue } from '../experiment/experimentSchema.ts';
import { Network } from '../experiment/networkSchema.ts';
import { ExperimentPart } from '../experiment/partFile.ts';
import { Distribution, Id, IsoDateTime } from '../model/common.ts';
import { Layout } from '../model/layoutSchema.ts';
import { Scenario } from '../model/scenarioSchema.ts';
import { DispatchList, Schedule } from '../model/scheduleSchema.ts';
import { RecordingGap, StateEvent } from '../model/stateEventSchema.ts';
import { Heartbeat } from '../model/heartbeatSchema.ts';
import { RecordingMapping } from '../model/recordingMappingSchema.ts';
import { AuditEntry } from '../mes/auditEntry.ts';
import { MesAnswer } from '../mes/mesAnswer.ts';
import { ApprovedVersion } from '../mes/version.ts';
import { LessonAnswers } from '../training/answersSchema.ts';
import { Lesson } from '../training/lessonSchema.ts';

/** The published JSON Schemas, one file each, derived from the zod schemas that are the source of truth. */
export const PUBLISHED_SCHEMAS = [
  { file: 'layout.schema.json', schema: Layout, id: 'urn:plant-twin:schema:layout:1' },
  { file: 'scenario.schema.json', schema: Scenario, id: 'urn:plant-twin:schema:scenario:1' },
  { file: 'state-event.schema.json', schema: StateEvent, id: 'urn:plant-twin:schema:state-event:1' },
  { file: 'recording-gap.schema.json', schema: RecordingGap, id: 'urn:plant-twin:schema:recording-gap:1' },
  { file: 'heartbeat.schema.json', schema: Heartbeat, id: 'urn:plant-twin:schema:heartbeat:1' },
  { file: 'recording-mapping.schema.json', schema: RecordingMapping, id: 'urn:plant-twin:schema:recording-mapping:1' },
  { file: 'schedule.schema.json', schema: Schedule, id: 'urn:plant-twin:schema:schedule:1' },
  { file: 'dispatch-list.schema.json', schema: DispatchList, id: 'urn:plant-twin:schema:dispatch-list:1' },
  { file: 'experiment.schema.json', schema: Experiment, id: 'urn:plant-twin:schema:experiment:1' },
  { file: 'experiment-part.schema.json', schema: ExperimentPart, id: 'urn:plant-twin:schema:experiment-part:1' },
  { file: 'network.schema.json', schema: Network, id: 'urn:plant-twin:schema:network:1' },
  { file: 'audit-entry.schema.json', schema: AuditEntry, id: 'urn:plant-twin:schema:audit-entry:1' },
  { file: 'mes-version.schema.json', schema: ApprovedVersion, id: 'urn:plant-twin:schema:mes-version:1' },
  { file: 'mes-answer.schema.json', schema: MesAnswer, id: 'urn:plant-twin:schema:mes-answer:1' },
  { file: 'lesson.schema.json', schema: Lesson, id: 'urn:plant-twin:schema:lesson:1' },
  { file: 'lesson-answers.schema.json', schema: LessonAnswers, id: 'urn:plant-twin:schema:lesson-answers:1' },
] as const;

// Shared building blocks become named $defs instead of being repeated inline at every use.
const NAMED_DEFS = new Map<z.core.$ZodType, string>([[Id, 'Id'], [IsoDateTime, 'IsoDateTime'], [Distribution, 'Distribution'], [JsonValue, 'JsonValue']]);

function metadataWithDefNames(): z.core.$ZodRegistry<Record<string, unknown>> {
  const registry = z.registry<Record<string, unknown>>();
  registry.get = (schema) => {
    const meta = z.globalRegistry.get(schema);
    const id = NAMED_DEFS.get(schema);
    return id ? { ...meta, id } : meta;
  };
  return registry;
}

/**
 * The input side of each schema: fields with defaults are optional, as for anyone producing our
 * files. Returns the text of each file, so the writer and the drift test share one definition.
 */
export function jsonSchemaFiles(): { file: string; text: string }[] {
  const metadata = metadataWithDefNames();
  return PUBLISHED_SCHEMAS.map(({ file, schema, id }) => {
    const { $schema, title, description, ...rest } = z.toJSONSchema(schema, { io: 'input', metadata });
    return { file, text: `${JSON.stringify({ $schema, $id: id, title, description, ...rest }, null, 2)}\n` };
  });
}
