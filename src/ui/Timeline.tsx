import { useCallback, useEffect, useMemo, useRef } from 'react';
import { DEMO_PARTS } from '../state/demoStates.ts';
import { SPEEDS } from '../playback/clock.ts';
import { nextMark, playbackStart, shiftStarts } from '../playback/playbackMarks.ts';
import { liveConnection, useLive } from '../state/liveStore.ts';
import { replayStore, useReplay } from '../state/replayStore.ts';
import { demoStates, playback, playbackStore, playhead, seek, usePlayback, useTwin } from '../state/twinStore.ts';
import { simulationStore, useSimulation } from '../state/simulationStore.ts';
import { elapsed, plantClock } from './plantTime.ts';
import { isScheduleSource } from '../playback/scheduleSource.ts';
import { useScheduling } from '../state/schedulingStore.ts';
import { playPlanInTwin } from './schedule/PlanEditing.tsx';

const speedLabel = (speed: number) => `${speed.toLocaleString('en')}×`;

/**
 * Play, pause, speed (1× to 10,000×) and scrub over whatever state source is chosen, with plant
 * calendar time. The time readout and the scrub bar follow the playback clock, writing the DOM
 * directly when it ticks: no React render per frame.
 */
export function Timeline() {
  const hasPlant = useTwin((s) => s.plant !== undefined);
  const source = usePlayback((s) => s.source);
  const playing = usePlayback((s) => s.playing);
  const speed = usePlayback((s) => s.speed);
  const traced = useSimulation((s) => s.traced !== undefined);
  const showingTrace = useSimulation((s) => s.source !== undefined && s.source === source);
  const liveSource = useLive((s) => s.source);
  const liveUrl = useLive((s) => s.form.url);
  const recording = useReplay((s) => s.source);
  const recordingName = useReplay((s) => s.name);
  const scenario = useTwin((s) => s.plant?.scenario);
  const planned = useScheduling((s) => s.plan !== undefined);
  const live = source?.kind === 'live';
  const shifts = useMemo(() => (source && scenario && !live ? shiftStarts(scenario, source) : []), [source, scenario, live]);
  const scrub = useRef<HTMLInputElement>(null);
  const clock = useRef<HTMLSpanElement>(null);
  const since = useRef<HTMLSpanElement>(null);

  const show = useCallback(() => {
    if (!source) return;
    if (source.kind === 'live') {
      // Live states are the plant now: the clock is this computer's, and it ticks.
      if (clock.current) clock.current.textContent = plantClock(new Date(Math.floor(Date.now() / 1000) * 1000).toISOString(), 0);
      if (since.current) since.current.textContent = `live since ${plantClock(source.startIso, 0).slice(11)}`;
      return;
    }
    if (scrub.current) scrub.current.value = String(playhead.minutes);
    if (clock.current) clock.current.textContent = plantClock(source.startIso, playhead.minutes);
    if (since.current) since.current.textContent = elapsed(playhead.minutes);
  }, [source]);

  useEffect(() => {
    show();
    const unsubscribe = playback.subscribe(show);
    const ticking = source?.kind === 'live' ? setInterval(show, 1000) : undefined;
    return () => { unsubscribe(); clearInterval(ticking); };
  }, [show, source]);

  // A new source starts at its first shift or first state change: not in hours of nothing.
  useEffect(() => {
    if (source && source.kind !== 'live' && playhead.minutes === 0) seek(playbackStart(source, shifts));
  }, [source, shifts]);

  const chooseSource = (value: string) => {
    if (value === 'demo') demoStates.show(demoStates.parts() ?? DEMO_PARTS);
    else if (value === 'trace') simulationStore.getState().showTrace();
    else if (value === 'live') {
      const shown = liveConnection.getState().source;
      if (shown) { demoStates.hide(); playbackStore.getState().setSource(shown); }
    } else if (value === 'recording') {
      const shown = replayStore.getState().source;
      if (shown) { demoStates.hide(); playbackStore.getState().setSource(shown); }
    } else if (value === 'schedule') playPlanInTwin();
    else if (value === '') { demoStates.hide(); playbackStore.getState().setSource(undefined); }
  };
  // Whatever plays is named: live states, a recording or the plan show as themselves, never as the demo.
  const selected = !source ? '' : source === liveSource ? 'live' : source === recording ? 'recording' : showingTrace ? 'trace'
    : isScheduleSource(source) ? 'schedule' : source.kind === 'demo' ? 'demo' : 'other';
  const canStep = source !== undefined && !live && source.nextEvent !== undefined;
  const speedIndex = Math.max(0, SPEEDS.findIndex((s) => s >= speed));

  return (
    <section className="timeline" aria-label="Timeline" data-testid="timeline">
      <label className="timeline-source">
        <span>States</span>
        <select value={selected} onChange={(e) => chooseSource(e.target.value)} disabled={!hasPlant} data-testid="state-source">
          <option value="">None (layout only)</option>
          <option value="live" disabled={!liveSource}>{liveSource ? `Live: ${liveUrl}` : 'Live (connect in the Twin panels)'}</option>
          <option value="recording" disabled={!recording}>{recording ? `Recording: ${recordingName ?? ''}` : 'Recording (open a recording file)'}</option>
          <option value="trace" disabled={!traced}>{traced ? 'Simulation trace' : 'Simulation trace (needs a simulation run)'}</option>
          <option value="schedule" disabled={!planned}>{planned ? 'Schedule (the plan)' : 'Schedule (needs a plan)'}</option>
          {/* Made-up states never share the scene with a live connection. */}
          <option value="demo" disabled={liveSource !== undefined}>{liveSource ? 'Synthetic demo (disconnect live first)' : 'Synthetic demo'}</option>
          {selected === 'other' && <option value="other" disabled>{source?.label}</option>}
        </select>
      </label>
      <button
        type="button"
        className="timeline-play"
        onClick={() => (playing ? playbackStore.getState().pause() : playbackStore.getState().play())}
        disabled={!source || live}
        aria-label={playing ? 'Pause' : 'Play'}
        aria-keyshortcuts="Space"
        data-testid="timeline-play"
      >
        {playing ? '❚❚' : '▶'}
      </button>
      <button type="button" onClick={() => { const m = source?.nextEvent?.(playhead.minutes); if (m !== undefined) seek(m); }} disabled={!canStep}
        title="Jump to the next state change of any machine" data-testid="timeline-next-event">Next event</button>
      {shifts.length > 0 && (
        <button type="button" onClick={() => { const m = nextMark(shifts, playhead.minutes); if (m !== undefined) seek(m); }}
          title="Jump to the start of the next shift" data-testid="timeline-next-shift">Next shift</button>
      )}
      <label className="timeline-speed">
        <input
          type="range"
          min={0}
          max={SPEEDS.length - 1}
          step={1}
          value={speedIndex}
          onChange={(e) => playbackStore.getState().setSpeed(SPEEDS[Number(e.target.value)] ?? 1)}
          aria-label="Speed"
          aria-valuetext={speedLabel(speed)}
          data-testid="timeline-speed"
        />
        <span className="timeline-speed-value">{speedLabel(speed)}</span>
      </label>
      <input
        ref={scrub}
        className="timeline-scrub"
        type="range"
        min={0}
        max={source?.horizon ?? 0}
        step="any"
        defaultValue={0}
        disabled={!source || live}
        onChange={(e) => seek(Number(e.target.value))}
        aria-label="Plant time"
        data-testid="timeline-scrub"
      />
      <span className="timeline-time">
        <span ref={clock} data-testid="timeline-clock">{source ? '' : '—'}</span>
        <span ref={since} className="timeline-elapsed" />
      </span>
      {source && <span className="timeline-label" data-testid="source-label">{source.label}</span>}
    </section>
  );
}
