import { afterEach, describe, expect, it, vi } from 'vitest';
import { brokerConnection, maskedOutput } from '../../src/cli/brokerOptions.ts';
import { positiveSeconds, stopSignal } from '../../src/cli/stopSignal.ts';
import { topicFilterProblem } from '../../src/live/topicMapping.ts';

describe('broker options', () => {
  it('takes credentials out of the URL, prefers the environment, and shows the password as ***', async () => {
    expect(await brokerConnection({ broker: 'mqtt://u:p%40ss@host:1883' }, {})).toEqual({
      url: 'mqtt://host:1883', shown: 'mqtt://u:***@host:1883', username: 'u', password: 'p@ss',
    });
    expect(await brokerConnection({ broker: 'ws://host:9001', username: 'v' }, { PLANT_TWIN_MQTT_PASSWORD: 'env' })).toEqual({
      url: 'ws://host:9001/', shown: 'ws://v:***@host:9001/', username: 'v', password: 'env',
    });
    expect(await brokerConnection({ broker: 'http://u:secret@host' }, {})).toEqual({ usage: '--broker must be an mqtt://, mqtts://, ws:// or wss:// URL, found "http://u:***@host/"' });
    expect(await brokerConnection({ broker: 'mqtt://u:secret@ho st' }, {})).toEqual({ usage: '--broker must be an mqtt://, mqtts://, ws:// or wss:// URL, found "mqtt://u:***@ho st"' });
    expect(await brokerConnection({ broker: 'mqtt://h', 'password-file': '/dev/null' }, {})).toMatchObject({ invalid: expect.stringMatching(/--password-file: .*regular file/) as unknown });
  });

  it('masks the password wherever a line carries it', () => {
    const lines: string[] = [];
    const out = maskedOutput({ out: (t) => lines.push(t), err: (t) => lines.push(t) }, 'p@ss');
    out.err('failed: mqtt://u:p@ss@host and mqtt://u:p%40ss@host');
    expect(lines).toEqual(['failed: mqtt://u:***@host and mqtt://u:***@host']);
  });
});

describe('topic filters', () => {
  it.each([
    ['#', undefined], ['acme/+/state', undefined], ['acme/plant-1/#', undefined], ['a//b', undefined],
    ['', 'must not be empty'], ['acme/#/state', '"acme/#/state": "#" must be a whole level and the last one (e.g. acme/plant-1/#)'],
    ['acme#', '"acme#": "#" must be a whole level and the last one (e.g. acme/plant-1/#)'], ['a/b+/c', '"a/b+/c": "+" must be a whole level (e.g. acme/+/state)'],
    ['a\u0000b', 'must not contain a NUL character'], ['x'.repeat(65_536), 'must be at most 65,535 bytes'],
  ])('%j → %s', (filter, problem) => {
    expect(topicFilterProblem(filter)).toBe(problem);
  });
});

describe('stop signal', () => {
  afterEach(() => { vi.useRealTimers(); });

  it('sleeps 30 days, past the 24.8-day limit of one timer, and no less', async () => {
    vi.useFakeTimers();
    const signal = stopSignal();
    let woke = false;
    void signal.sleep(30 * 86_400_000).then(() => { woke = true; });
    await vi.advanceTimersByTimeAsync(30 * 86_400_000 - 1000);
    expect(woke).toBe(false);
    await vi.advanceTimersByTimeAsync(1000);
    expect(woke).toBe(true);
    signal.dispose();
  });

  it('wakes every sleeper on the first SIGTERM', async () => {
    const signal = stopSignal();
    const slept = signal.sleep(Infinity);
    process.emit('SIGTERM');
    await slept;
    await signal.whenStopped;
    expect(signal.stopped).toBe(true);
    signal.dispose();
  });

  it('ends every sleep when disposed (a recording that stops on a write error must not wait out its duration)', async () => {
    const signal = stopSignal();
    const slept = signal.sleep(Infinity);
    signal.dispose();
    await slept;
    expect(signal.stopped).toBe(false);
  });

  it('reads durations as finite seconds > 0', () => {
    expect(positiveSeconds('2592000', 'duration')).toBe(2_592_000);
    expect(positiveSeconds('Infinity', 'duration')).toBe('--duration must be a finite number of seconds > 0, found "Infinity"');
    expect(positiveSeconds('', 'duration')).toBe('--duration must be a finite number of seconds > 0, found ""');
  });
});
