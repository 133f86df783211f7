import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { runCli } from './runCli.ts';

const cwd = process.cwd();

/** Runs main() in this process, capturing what it prints; the child-process tests cover the real bin. */
async function runMain(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { out: (t) => { stdout += `${t}\n`; }, err: (t) => { stderr += `${t}\n`; } });
  return { code, stdout, stderr };
}

describe('plant-twin help and usage errors', () => {
  it('--help (through the real bin) lists every command and the exit codes', async () => {
    const { code, stdout } = await runCli(['--help'], cwd);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: plant-twin <command>/);
    expect(stdout).toMatch(/^ {2}validate +check layouts/m);
    expect(stdout).toMatch(/^ {2}inspect +summarise/m);
    expect(stdout).toContain('Exit codes: 0 success, 1 invalid input, 2 usage error.');
  });

  it('no command at all (through the real bin) prints the usage on stderr and exits 2', async () => {
    const { code, stdout, stderr } = await runCli([], cwd);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^Usage: plant-twin <command>/);
  });

  it.each([
    [['validate', '--help'], 'Usage: plant-twin validate [--json] <files...>', '--json'],
    [['inspect', '-h'], 'Usage: plant-twin inspect [--json] <file>', 'bottleneck'],
    [['help', 'inspect'], 'Usage: plant-twin inspect [--json] <file>', 'capacity = working minutes'],
  ])('%j prints the command\'s own usage and options', async (args, usage, mention) => {
    const { code, stdout } = await runMain(args);
    expect(code).toBe(0);
    expect(stdout.startsWith(usage)).toBe(true);
    expect(stdout).toContain(mention);
    expect(stdout).toMatch(/-h, --help +show this help/);
  });

  it('--version prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    const { code, stdout } = await runMain(['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(pkg.version);
  });

  it.each([
    [['simulate-everything'], /unknown command "simulate-everything"; commands: validate, inspect/],
    [['validate', '--strict-mode', 'a.json'], /plant-twin validate: Unknown option '--strict-mode'/],
    [['validate'], /name at least one file/],
    [['inspect', 'a.json', 'b.json'], /name exactly one file, found 2/],
  ])('usage error %j exits 2 with a message on stderr and nothing on stdout', async (args, message) => {
    const { code, stdout, stderr } = await runMain(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });
});
