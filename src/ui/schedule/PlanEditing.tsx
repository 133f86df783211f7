import { operationName, plantTime } from '../../scheduling/describe.ts';
import { createScheduleSource, isScheduleSource } from '../../playback/scheduleSource.ts';
import { schedulingStore, useScheduling } from '../../state/schedulingStore.ts';
import { demoStates, playbackStore, twinStore, usePlayback } from '../../state/twinStore.ts';

const session = () => schedulingStore.getState();

/** Plays the plan in the twin: the schedule as the timeline's state source. */
export function playPlanInTwin(): void {
  const { plan, facts } = session();
  const layout = twinStore.getState().plant?.layout;
  if (!plan || !facts || !layout) return;
  demoStates.hide();
  playbackStore.getState().setSource(createScheduleSource(plan, facts.scenario, layout));
}

/** Undo, redo, pin, re-optimise around the pins, play in the twin; what the last drop did and why. */
export function PlanEditing() {
  const plan = useScheduling((s) => s.plan)!;
  const canUndo = useScheduling((s) => s.past.length > 0);
  const canRedo = useScheduling((s) => s.future.length > 0);
  const selected = useScheduling((s) => s.selected);
  const running = useScheduling((s) => s.status === 'running');
  const playing = usePlayback((s) => isScheduleSource(s.source) && s.source.plan === plan);
  let pinned = 0;
  for (let i = 0; i < plan.locked.length; i++) pinned += plan.locked[i]!;
  const frozen = plan.pp.fixed.filter((f) => f?.kind === 'frozen').length;
  const op = selected !== undefined && selected < plan.machine.length ? selected : undefined;
  const isFrozen = op !== undefined && plan.pp.fixed[op]?.kind === 'frozen';

  return (
    <section className="schedule-panel plan-editing" aria-label="Edit the plan" data-testid="plan-editing">
      <h3>Edit the plan</h3>
      <div className="edit-toolbar" role="toolbar" aria-label="Plan editing">
        <button type="button" onClick={() => session().undo()} disabled={!canUndo} aria-keyshortcuts="Control+Z" title="Undo (Ctrl+Z)" data-testid="plan-undo">Undo</button>
        <button type="button" onClick={() => session().redo()} disabled={!canRedo} aria-keyshortcuts="Control+Shift+Z" title="Redo (Ctrl+Shift+Z)" data-testid="plan-redo">Redo</button>
        <button type="button" onClick={() => op !== undefined && session().toggleLock(op)} disabled={op === undefined || isFrozen} aria-pressed={op !== undefined && plan.locked[op] === 1}
          aria-keyshortcuts="L" title="Pin the selected operation where it is (L)" data-testid="plan-lock">Pin</button>
        <button type="button" onClick={() => void session().reoptimise()} disabled={running} title="Schedule again, keeping pinned and frozen operations where they are" data-testid="plan-reoptimise">
          Re-optimise around pins
        </button>
      </div>
      <p className="schedule-note">{pinned} pinned, {frozen} frozen (running when planned).</p>
      {op !== undefined && (
        <p className="schedule-selected" data-testid="plan-selected">
          Selected: <strong>{operationName(plan, op)}</strong> on {plan.pp.equipment[plan.machine[op]!]}, {plantTime(plan, plan.start[op]!)}–{plantTime(plan, plan.end[op]!)}
          {isFrozen ? ' (frozen)' : plan.locked[op] ? ' (pinned)' : ''}
        </p>
      )}
      <button type="button" onClick={playPlanInTwin} aria-pressed={playing} data-testid="plan-play">{playing ? 'Playing the plan in the twin' : 'Play the plan in the twin'}</button>
    </section>
  );
}
