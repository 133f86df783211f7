import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { jsonSchemaFiles } from '../../src/cli/jsonSchemas.ts';
import { Distribution } from '../../src/model/common.ts';
import { EquipmentType, Layout } from '../../src/model/layoutSchema.ts';
import { MACHINE_STATES } from '../../src/model/machineState.ts';
import { Experiment, Scenario } from '../../src/model/scenarioSchema.ts';
import { DispatchList, Schedule } from '../../src/model/scheduleSchema.ts';
import { StateEvent } from '../../src/model/stateEventSchema.ts';

type Json = Record<string, unknown>;
const root = new URL('../../', import.meta.url);
const committed = (file: string): Json => JSON.parse(readFileSync(new URL(`docs/schemas/${file}`, root), 'utf8')) as Json;

/** Follows a path of property names and array items ("[]") through a JSON Schema, resolving $refs. */
function at(schema: Json, path: string[]): Json {
  let node = schema;
  for (const step of path) {
    node = step === '[]' ? (node.items as Json) : ((node.properties as Json)[step] as Json);
    if (typeof node.$ref === 'string') node = (schema.$defs as Json)[node.$ref.replace('#/$defs/', '')] as Json;
  }
  return node;
}

/** Keys a producer must write: those whose absence the zod schema rejects (defaulted keys are optional). */
function requiredKeys(shape: Record<string, z.ZodType>): string[] {
  return Object.keys(shape).filter((key) => !shape[key]!.safeParse(undefined).success);
}

/**
 * A small structural check of a document against a JSON Schema: types, required and unknown keys,
 * enums and consts, through $refs and anyOf/oneOf. Enough to show the samples and the published
 * schemas agree without a JSON Schema validator.
 */
function structuralErrors(schema: Json, value: unknown, node: Json = schema, path = '$'): string[] {
  if (typeof node.$ref === 'string') {
    return structuralErrors(schema, value, (schema.$defs as Json)[node.$ref.replace('#/$defs/', '')] as Json, path);
  }
  const branches = (node.anyOf ?? node.oneOf) as Json[] | undefined;
  if (branches) {
    return branches.some((b) => structuralErrors(schema, value, b, path).length === 0) ? [] : [`${path}: no branch matches`];
  }
  if ('const' in node && node.const !== value) return [`${path}: expected ${String(node.const)}`];
  if (Array.isArray(node.enum) && !node.enum.includes(value)) return [`${path}: ${String(value)} not in enum`];
  const type = node.type;
  if (type === 'object') {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${path}: expected object`];
    const props = (node.properties ?? {}) as Json;
    const record = value as Json;
    const errors = ((node.required ?? []) as string[]).filter((k) => !(k in record)).map((k) => `${path}.${k}: missing`);
    for (const [key, child] of Object.entries(record)) {
      if (key in props) errors.push(...structuralErrors(schema, child, props[key] as Json, `${path}.${key}`));
      else if (node.additionalProperties === false) errors.push(`${path}.${key}: not allowed`);
      else if (typeof node.additionalProperties === 'object') {
        errors.push(...structuralErrors(schema, child, node.additionalProperties as Json, `${path}.${key}`));
      }
    }
    return errors;
  }
  if (type === 'array') {
    if (!Array.isArray(value)) return [`${path}: expected array`];
    return value.flatMap((item, i) => structuralErrors(schema, item, node.items as Json, `${path}[${i}]`));
  }
  if (type === 'string' && typeof value !== 'string') return [`${path}: expected string`];
  if ((type === 'number' || type === 'integer') && typeof value !== 'number') return [`${path}: expected number`];
  if (type === 'integer' && !Number.isInteger(value)) return [`${path}: expected integer`];
  if (type === 'boolean' && typeof value !== 'boolean') return [`${path}: expected boolean`];
  return [];
}

describe('published JSON Schemas', () => {
  it('docs/schemas holds exactly what `npm run schemas` writes now (no drift from the zod schemas)', () => {
    const fresh = jsonSchemaFiles();
    expect(fresh.map((f) => f.file).sort()).toEqual(readdirSync(new URL('docs/schemas/', root)).sort());
    for (const { file, text } of fresh) {
      expect(readFileSync(new URL(`docs/schemas/${file}`, root), 'utf8'), `${file} is stale: run npm run schemas`).toBe(text);
    }
  });

  it('each schema has a distinct $id, a title and the 2020-12 dialect', () => {
    const files = jsonSchemaFiles().map((f) => JSON.parse(f.text) as Json);
    expect(new Set(files.map((f) => f.$id)).size).toBe(files.length);
    for (const f of files) {
      expect(f.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(f.title).toMatch(/^Plant Twin /);
    }
  });

  it('required fields are the ones the zod schemas reject when absent; defaulted fields stay optional', () => {
    const cases: [string, Record<string, z.ZodType>][] = [
      ['layout.schema.json', Layout.shape],
      ['scenario.schema.json', Scenario.shape],
      ['state-event.schema.json', StateEvent.shape],
      ['schedule.schema.json', Schedule.shape],
      ['dispatch-list.schema.json', DispatchList.shape],
    ];
    for (const [file, shape] of cases) expect(committed(file).required, file).toEqual(requiredKeys(shape));
    const scenario = committed('scenario.schema.json');
    expect(at(scenario, ['experiment']).required).toEqual(['horizon']);
    expect(scenario.required).not.toContain('orders');
    expect(at(scenario, ['experiment', 'replications']).default).toBe(10);
  });

  it('enums and format constants match the zod enums', () => {
    const layout = committed('layout.schema.json');
    expect(at(layout, ['format']).const).toBe('plant-twin/layout');
    expect(at(layout, ['site', 'areas', '[]', 'lines', '[]', 'cells', '[]', 'equipment', '[]', 'type']).enum)
      .toEqual(EquipmentType.options);
    expect(at(committed('state-event.schema.json'), ['state']).enum).toEqual([...MACHINE_STATES]);
    const scenario = committed('scenario.schema.json');
    expect(at(scenario, ['experiment', 'dispatching']).enum).toEqual(Experiment.shape.dispatching.unwrap().options);
    const branches = ((scenario.$defs as Json).Distribution as Json).oneOf as Json[];
    expect(branches.map((b) => at(b, ['type']).const)).toEqual(Distribution.options.map((o) => o.shape.type.value));
    expect(at(committed('schedule.schema.json'), ['format']).const).toBe('plant-twin/schedule');
    expect(at(committed('dispatch-list.schema.json'), ['format']).const).toBe('plant-twin/dispatch');
  });

  it('the structural check catches a missing field, an unknown key and a bad enum value', () => {
    const layout = committed('layout.schema.json');
    const errors = structuralErrors(layout, { format: 'plant-twin/layout', version: 1, id: 'x', name: 'x', colour: 'red', site: {}, paths: { nodes: [] } });
    expect(errors).toEqual(expect.arrayContaining(['$.floor: missing', '$.colour: not allowed', '$.site.areas: missing', '$.paths.edges: missing']));
    expect(structuralErrors(committed('state-event.schema.json'), { ts: 0, equipment: 'm1', state: 'sleeping' }))
      .toEqual(['$.state: sleeping not in enum']);
  });

  it('every sample layout, scenario and lesson agrees with its published schema', () => {
    const samples = ['layouts', 'scenarios', 'scenarios/training'].flatMap((dir) =>
      readdirSync(new URL(`${dir}/`, root)).filter((f) => f.endsWith('.json')).map((f) => `${dir}/${f}`));
    expect(samples.filter((s) => s.startsWith('scenarios/training/')).length).toBeGreaterThanOrEqual(5);
    const schemaOf: Record<string, string> = { 'plant-twin/scenario': 'scenario.schema.json', 'plant-twin/lesson': 'lesson.schema.json' };
    for (const sample of samples) {
      const doc = JSON.parse(readFileSync(new URL(sample, root), 'utf8')) as Json;
      const schema = committed(schemaOf[doc.format as string] ?? 'layout.schema.json');
      expect(structuralErrors(schema, doc), sample).toEqual([]);
    }
  });
});
