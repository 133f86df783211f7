import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Loaded, Problem } from '../../../src/model/problem.ts';

/** The parts of ../shared/benchmarks/des/models.json the benchmark models read. */
export const Mm1Params = z.object({
  arrivalRate: z.number().positive(),
  serviceMean: z.number().positive(),
  customers: z.number().int().positive(),
});
export type Mm1Params = z.infer<typeof Mm1Params>;

export const TandemParams = z.object({
  stations: z.number().int().min(2),
  serviceMean: z.number().positive(),
  bufferBetween: z.number().int().nonnegative(),
  parts: z.number().int().positive(),
});
export type TandemParams = z.infer<typeof TandemParams>;

export const JobshopParams = z.object({
  machines: z.number().int().positive(),
  products: z.number().int().positive(),
  routings: z.array(z.array(z.number().int().nonnegative()).min(1)).min(1),
  arrivalRate: z.number().positive(),
  operationMean: z.number().positive(),
  failures: z.object({ timeBetweenMean: z.number().positive(), repairMean: z.number().positive() }),
  jobs: z.number().int().positive(),
}).refine((p) => p.routings.length === p.products, { message: 'one routing per product', path: ['routings'] })
  .refine((p) => p.routings.every((r) => r.every((m) => m < p.machines)), { message: 'machine indices below "machines"', path: ['routings'] });
export type JobshopParams = z.infer<typeof JobshopParams>;

export const ModelsFile = z.object({ mm1: Mm1Params, tandem: TandemParams, jobshop: JobshopParams });
export type ModelsFile = z.infer<typeof ModelsFile>;

export function loadModelsFile(path: string): Loaded<ModelsFile> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return fail({ file: path, path: '', expected: 'a readable models.json', found: (error as NodeJS.ErrnoException).code ?? String(error), hint: 'pass --models <path>' });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return fail({ file: path, path: '', expected: 'JSON', found: (error as Error).message });
  }
  const parsed = ModelsFile.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data, warnings: [] };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => ({
      file: path,
      path: issue.path.map(String).join('.'),
      expected: issue.message,
      found: 'something else',
    })),
  };
}

function fail(problem: Problem): Loaded<ModelsFile> {
  return { ok: false, problems: [problem] };
}
