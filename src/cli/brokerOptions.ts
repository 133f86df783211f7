import { formatProblem } from '../model/problem.ts';
import type { OptionSpecs, Output } from './command.ts';
import { readTextFile } from './fsResolver.ts';

/** Where a broker password may come from, besides the URL: never a command-line value of its own (it would show in `ps`). */
export const PASSWORD_ENV = 'PLANT_TWIN_MQTT_PASSWORD';

export const BROKER_OPTIONS: OptionSpecs = {
  broker: { type: 'string' },
  username: { type: 'string' },
  'password-file': { type: 'string' },
};

export const BROKER_OPTION_HELP: Record<string, string> = {
  broker: 'broker URL: mqtt://host:1883, mqtts://…, ws://host:9001 or wss://… (a password in it is never printed)',
  username: 'broker user name (or in the URL: mqtt://user@host)',
  'password-file': `read the broker password from this file's first line (or set ${PASSWORD_ENV})`,
};

export interface BrokerConnection {
  /** The URL to connect to, without credentials (they go in `username` and `password`). */
  url: string;
  /** The URL as printed: user name kept, password as ***. */
  shown: string;
  username?: string;
  password?: string;
}

/**
 * The broker URL and credentials from `--broker`, `--username`, `--password-file` and the
 * environment (file before environment before URL). Returns a usage message when they are wrong;
 * a message never contains the password.
 */
export async function brokerConnection(values: Record<string, unknown>, env: NodeJS.ProcessEnv = process.env): Promise<BrokerConnection | { usage: string } | { invalid: string }> {
  const raw = values.broker;
  if (typeof raw !== 'string') return { usage: '--broker is required' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { usage: `--broker must be an mqtt://, mqtts://, ws:// or wss:// URL, found "${maskPasswordIn(raw)}"` };
  }
  if (!/^(mqtts?|wss?):$/.test(url.protocol)) {
    return { usage: `--broker must be an mqtt://, mqtts://, ws:// or wss:// URL, found "${maskUrl(url)}"` };
  }
  let password = url.password ? decodeURIComponent(url.password) : undefined;
  const fromEnv = env[PASSWORD_ENV];
  if (fromEnv) password = fromEnv;
  const file = values['password-file'];
  if (typeof file === 'string') {
    const read = await readTextFile(file, { maxBytes: 64 * 1024 });
    if ('problem' in read) return { invalid: `--password-file: ${formatProblem(read.problem)}` };
    const first = read.text.split(/\r?\n/)[0] ?? '';
    if (first === '') return { invalid: `--password-file: ${file} has an empty first line; the password goes there` };
    password = first;
  }
  const username = typeof values.username === 'string' ? values.username : url.username ? decodeURIComponent(url.username) : undefined;
  const bare = new URL(url.href);
  bare.username = '';
  bare.password = '';
  const shown = new URL(bare.href);
  if (username) shown.username = encodeURIComponent(username);
  if (password) shown.password = '***';
  return { url: bare.href, shown: shown.href, ...(username ? { username } : {}), ...(password ? { password } : {}) };
}

function maskUrl(url: URL): string {
  if (!url.password) return url.href;
  const masked = new URL(url.href);
  masked.password = '***';
  return masked.href;
}

/** `scheme://user:secret@` → `scheme://user:***@` in text that is not a valid URL. */
function maskPasswordIn(text: string): string {
  return text.replace(/(\/\/[^/:@\s]*:)[^@/\s]*@/, '$1***@');
}

/**
 * Output that replaces the password wherever it appears (an error message of a library quoting
 * the URL, say): the last guard, behind printing only `shown` URLs.
 */
export function maskedOutput(output: Output, secret: string | undefined): Output {
  if (!secret) return output;
  const forms = [...new Set([secret, encodeURIComponent(secret)])];
  const mask = (text: string): string => forms.reduce((t, f) => t.split(f).join('***'), text);
  return { out: (text) => output.out(mask(text)), err: (text) => output.err(mask(text)) };
}
