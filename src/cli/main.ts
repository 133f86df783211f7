import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, type Command, type Output } from './command.ts';
import { experimentCommand } from './experimentCommand.ts';
import { helpText, usageSummary } from './help.ts';
import { inspectCommand } from './inspectCommand.ts';
import { lessonCommand } from './lessonCommand.ts';
import { liveSimCommand } from './liveSimCommand.ts';
import { recordCommand } from './recordCommand.ts';
import { mapRecordingCommand, simulateFromCommand } from './recordingCommands.ts';
import { riskCommand } from './riskCommand.ts';
import { scheduleCommand } from './scheduleCommand.ts';
import { simulateCommand } from './simulateCommand.ts';
import { validateCommand } from './validateCommand.ts';
import { approveCommand } from './approveCommand.ts';
import { auditCommand } from './auditCommand.ts';
import { exportCommand } from './exportCommand.ts';
import { mesReceiverCommand } from './mesReceiverCommand.ts';
import { publishCommand } from './publishCommand.ts';

/** The command table: a new command is a file exporting a Command and a line here. */
export const COMMANDS: readonly Command[] = [
  validateCommand,
  inspectCommand,
  recordCommand,
  simulateCommand,
  scheduleCommand,
  riskCommand,
  experimentCommand,
  liveSimCommand,
  mapRecordingCommand,
  simulateFromCommand,
  exportCommand,
  approveCommand,
  publishCommand,
  auditCommand,
  mesReceiverCommand,
  lessonCommand,
];

const stdio: Output = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** Runs `plant-twin <argv>` and returns the exit code: 0 ok, 1 invalid input, 2 usage error. */
export async function main(argv: readonly string[], output: Output = stdio): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    output.err(usageSummary(COMMANDS));
    return EXIT_USAGE;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    output.out(topic ? helpText(topic) : usageSummary(COMMANDS));
    return EXIT_OK;
  }
  if (first === '--version' || first === '-V') {
    output.out(version());
    return EXIT_OK;
  }
  const command = COMMANDS.find((c) => c.name === first);
  if (!command) {
    output.err(`plant-twin: unknown command "${first}"; commands: ${COMMANDS.map((c) => c.name).join(', ')} (see plant-twin --help)`);
    return EXIT_USAGE;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    output.err(`plant-twin ${command.name}: ${(error as Error).message} (see plant-twin ${command.name} --help)`);
    return EXIT_USAGE;
  }
  if (parsed.values.help) {
    output.out(helpText(command));
    return EXIT_OK;
  }
  try {
    return await command.run(parsed, output);
  } catch (error) {
    // A file that cannot be written, a full disk, a folder where a file was expected: one line, exit 1.
    // Anything else is a bug, and its stack trace is wanted.
    if (!isSystemError(error)) throw error;
    output.err(`plant-twin ${command.name}: ${error.message}`);
    return EXIT_INVALID;
  }
}

function isSystemError(error: unknown): error is Error & { code: string } {
  const code = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}
