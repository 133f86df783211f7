import { z } from 'zod';

/**
 * Looks inside zod schemas so messages can name what is allowed at a place (the keys of an
 * object, the description of a missing field). Reads zod's public `_zod.def` structure.
 */

type Schema = z.core.$ZodType;
interface Def {
  type: string;
  shape?: Record<string, Schema>;
  element?: Schema;
  innerType?: Schema;
  options?: readonly Schema[];
  valueType?: Schema;
  in?: Schema;
  values?: readonly unknown[];
}

function def(schema: Schema): Def {
  return schema._zod.def as unknown as Def;
}

const WRAPPERS = new Set(['optional', 'default', 'prefault', 'nullable', 'readonly', 'catch', 'nonoptional']);

/** The schema without optional/default/nullable wrappers. */
export function unwrap(schema: Schema): Schema {
  let s = schema;
  for (let d = def(s); WRAPPERS.has(d.type) && d.innerType; d = def(s)) s = d.innerType;
  if (def(s).type === 'pipe' && def(s).in) return unwrap(def(s).in as Schema);
  return s;
}

/** The description given with `.describe()`/`.meta()`, looking through wrappers. */
export function describeSchema(schema: Schema): string | undefined {
  let s: Schema | undefined = schema;
  while (s) {
    const description = z.globalRegistry.get(s)?.description;
    if (description) return description;
    const d = def(s);
    s = WRAPPERS.has(d.type) ? d.innerType : undefined;
  }
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The union option whose literal fields all match the data (the branch the data was meant for). */
function chooseOption(options: readonly Schema[], data: unknown): Schema | undefined {
  const objects = options.map(unwrap).filter((o) => def(o).type === 'object');
  if (!isObject(data)) return objects.length === 1 ? objects[0] : undefined;
  const matching = objects.filter((o) => Object.entries(def(o).shape ?? {}).every(([key, field]) => {
    const f = def(unwrap(field));
    return f.type !== 'literal' || (f.values ?? []).includes(data[key]);
  }));
  return matching[0];
}

/** The object schema behind a union or wrapper at a place, chosen by the data found there. */
export function resolveSchema(schema: Schema, data: unknown): Schema {
  const s = unwrap(schema);
  const d = def(s);
  if (d.type === 'union' && d.options) return chooseOption(d.options, data) ?? s;
  return s;
}

/** The schema that governs `path` inside `schema`, following the data to pick union branches. */
export function schemaAt(schema: Schema, path: readonly PropertyKey[], data: unknown): Schema | undefined {
  let s: Schema | undefined = schema;
  let value = data;
  for (const key of path) {
    if (!s) return undefined;
    const current = resolveSchema(s, value);
    const d = def(current);
    if (d.type === 'object') s = d.shape?.[String(key)];
    else if (d.type === 'array') s = d.element;
    else if (d.type === 'record') s = d.valueType;
    else return undefined;
    value = isObject(value) || Array.isArray(value) ? (value as Record<PropertyKey, unknown>)[key as string] : undefined;
  }
  return s;
}

/** The keys an object schema at a place allows, in schema order. */
export function allowedKeys(schema: Schema, path: readonly PropertyKey[], data: unknown): string[] {
  const s = schemaAt(schema, path, data);
  if (!s) return [];
  const d = def(resolveSchema(s, valueAt(data, path)));
  return d.type === 'object' ? Object.keys(d.shape ?? {}) : [];
}

/** The value at a path in plain JSON data (undefined where the path leaves the data). */
export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (!isObject(value) && !Array.isArray(value)) return undefined;
    if (!Object.prototype.hasOwnProperty.call(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key as string];
  }
  return value;
}
