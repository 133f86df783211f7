import type { ParseArgsConfig } from 'node:util';

/** Where a command writes: lines to standard output and standard error. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
}

export type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

/**
 * One subcommand. main.ts parses the options declared here (plus --help) with util.parseArgs, so a
 * new command is one file exporting a Command and one line in the table.
 */
export interface Command {
  name: string;
  summary: string;
  /** Usage text printed by `plant-twin <name> --help`, without the trailing options list. */
  usage: string;
  options: OptionSpecs;
  /** Help line per option name. */
  optionHelp: Record<string, string>;
  /** Returns the exit code: 0 success, 1 invalid input, 2 usage error. */
  run(args: ParsedArgs, output: Output): Promise<number>;
}

export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;
