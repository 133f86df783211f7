import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from './runCli.ts';

const cwd = process.cwd();

describe('plant-twin help and usage errors', () => {
  it('--help lists every command and the exit codes', async () => {
    const { code, stdout } = await runCli(['--help'], cwd);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: plant-twin <command>/);
    expect(stdout).toMatch(/^ {2}validate +check layouts/m);
    expect(stdout).toMatch(/^ {2}inspect +summarise/m);
    expect(stdout).toContain('Exit codes: 0 success, 1 invalid input, 2 usage error.');
  });

  it.each([
    ['validate', 'Usage: plant-twin validate [--json] <files...>', '--json'],
    ['inspect', 'Usage: plant-twin inspect [--json] <file>', 'bottleneck'],
  ])('%s --help prints its own usage and options', async (command, usage, mention) => {
    const { code, stdout } = await runCli([command, '--help'], cwd);
    expect(code).toBe(0);
    expect(stdout.startsWith(usage)).toBe(true);
    expect(stdout).toContain(mention);
    expect(stdout).toMatch(/-h, --help +show this help/);
  });

  it('--version prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    const { code, stdout } = await runCli(['--version'], cwd);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(pkg.version);
  });

  it.each([
    [[], /^Usage: plant-twin <command>/],
    [['simulate-everything'], /unknown command "simulate-everything"; commands: validate, inspect/],
    [['validate', '--strict-mode', 'a.json'], /plant-twin validate: Unknown option '--strict-mode'/],
    [['validate'], /name at least one file/],
    [['inspect', 'a.json', 'b.json'], /name exactly one file, found 2/],
  ])('usage error %j exits 2 with a message on stderr and nothing on stdout', async (args, message) => {
    const { code, stdout, stderr } = await runCli(args, cwd);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/^\s+at /m);
  });
});
