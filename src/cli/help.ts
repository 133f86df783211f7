import type { Command } from './command.ts';

export function usageSummary(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: plant-twin <command> [options]',
    '',
    'Plant Twin on the command line: check and summarise plant layouts, scenarios, schedules,',
    'dispatch lists and machine-state recordings.',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  -h, --help     show this help; `plant-twin <command> --help` shows a command\'s help',
    '  -V, --version  print the version',
    '',
    'Exit codes: 0 success, 1 invalid input, 2 usage error.',
  ].join('\n');
}

export function helpText(command: Command): string {
  const rows = Object.entries(command.options).map(([name, spec]) => {
    const flag = `${spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.type === 'string' ? ' <value>' : ''}`;
    return [flag, command.optionHelp[name] ?? ''] as const;
  });
  rows.push(['-h, --help', 'show this help']);
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return [
    command.usage.trimEnd(),
    '',
    'Options:',
    ...rows.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`),
  ].join('\n');
}
