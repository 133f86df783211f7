import { useMemo } from 'react';
import { alarmList, type AlarmActionAt } from '../../training/alarms.ts';
import { minutesBetween } from '../../model/calendar.ts';
import { trainingStore, useTraining } from '../../state/trainingStore.ts';
import { usePlantMinutes } from '../usePlantMinutes.ts';

const STATE_WORDS = { unacknowledged: 'unacknowledged', acknowledged: 'acknowledged', 'cleared-unacknowledged': 'cleared, unacknowledged', shelved: 'shelved', normal: 'normal' } as const;

/** The alarm list at the playhead (ISA-18.2): priority, state, message; acknowledge, shelve for an hour, unshelve. */
export function AlarmList() {
  const view = useTraining((s) => s.view);
  const actions = useTraining((s) => s.actions);
  const startIso = useTraining((s) => s.opened?.startIso);
  const minutes = usePlantMinutes();
  const at: AlarmActionAt[] = useMemo(() => (startIso === undefined ? [] : actions.map((a) => ({
    alarm: a.alarm, action: a.action, at: minutesBetween(startIso, a.at), ...(a.until ? { until: minutesBetween(startIso, a.until) } : {}),
  }))), [actions, startIso]);
  const list = alarmList(view?.alarms ?? [], at, minutes);
  const act = (id: string, action: 'acknowledge' | 'shelve' | 'unshelve') => trainingStore.getState().act(id, action, action === 'shelve' ? minutes + 60 : undefined);
  return (
    <section className="alarms" aria-label="Alarms" data-testid="alarms">
      <h3 className="sidebar-title">Alarms ({list.filter((a) => a.state === 'unacknowledged').length} unacknowledged)</h3>
      {list.length === 0 ? <p className="empty">No alarms.</p> : (
        <ul className="alarm-list">
          {list.map((a) => (
            <li key={a.id} className={`alarm alarm-${a.priority} alarm-${a.state}`} data-alarm={a.id} data-state={a.state}>
              <span className="alarm-priority">{a.priority}</span>
              <span className="alarm-message">{a.message}</span>
              <span className="alarm-state">{STATE_WORDS[a.state]}</span>
              <span className="alarm-actions">
                {a.acknowledgedAt === null && a.state !== 'shelved' && <button type="button" data-testid="ack" onClick={() => act(a.id, 'acknowledge')}>Ack</button>}
                {a.state !== 'shelved' && a.active && <button type="button" onClick={() => act(a.id, 'shelve')}>Shelve 1 h</button>}
                {a.state === 'shelved' && <button type="button" onClick={() => act(a.id, 'unshelve')}>Unshelve</button>}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
