import { useCallback, useEffect, useRef } from 'react';
import { DEMO_PARTS } from '../state/demoStates.ts';
import { SPEEDS } from '../playback/clock.ts';
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
  const planned = useScheduling((s) => s.plan !== undefined);
  const scrub = useRef<HTMLInputElement>(null);
  const clock = useRef<HTMLSpanElement>(null);
  const since = useRef<HTMLSpanElement>(null);

  const show = useCallback(() => {
    if (!source) return;
    if (scrub.current) scrub.current.value = String(playhead.minutes);
    if (clock.current) clock.current.textContent = plantClock(source.startIso, playhead.minutes);
    if (since.current) since.current.textContent = elapsed(playhead.minutes);
  }, [source]);

  useEffect(() => {
    show();
    return playback.subscribe(show);
  }, [show]);

  const chooseSource = (value: string) => {
    if (value === 'demo') demoStates.show(demoStates.parts() ?? DEMO_PARTS);
    else if (value === 'trace') simulationStore.getState().showTrace();
    else if (value === 'schedule') playPlanInTwin();
    else if (value === '') { demoStates.hide(); playbackStore.getState().setSource(undefined); }
  };
  // Whatever plays is named: a recording or live states show as themselves, never as the demo.
  const current = !source ? '' : showingTrace ? 'trace' : isScheduleSource(source) ? 'schedule' : demoStates.parts() !== undefined ? 'demo' : 'other';
  const speedIndex = Math.max(0, SPEEDS.findIndex((s) => s >= speed));

  return (
    <section className="timeline" aria-label="Timeline" data-testid="timeline">
      <label className="timeline-source">
        <span>States</span>
        <select value={current} onChange={(e) => chooseSource(e.target.value)} disabled={!hasPlant} data-testid="state-source">
          <option value="">None (layout only)</option>
          <option value="demo">Synthetic demo</option>
          <option value="trace" disabled={!traced}>{traced ? 'Simulation trace' : 'Simulation trace (needs a simulation run)'}</option>
          <option value="schedule" disabled={!planned}>{planned ? 'Schedule (the plan)' : 'Schedule (needs a plan)'}</option>
          {current === 'other' && <option value="other" disabled>{source!.label}</option>}
        </select>
      </label>
      <button
        type="button"
        className="timeline-play"
        onClick={() => (playing ? playbackStore.getState().pause() : playbackStore.getState().play())}
        disabled={!source}
        aria-label={playing ? 'Pause' : 'Play'}
        aria-keyshortcuts="Space"
        data-testid="timeline-play"
      >
        {playing ? '❚❚' : '▶'}
      </button>
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
        disabled={!source}
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
