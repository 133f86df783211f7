import { workingIntervals } from '../../model/calendar.ts';
import type { Scenario, ScenarioInput } from '../../model/scenarioSchema.ts';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
type Calendar = ScenarioInput['calendars'][number];

/** The first week of a calendar as bars per day (working time), or undefined while the draft's times are not valid yet. */
function weekOf(c: Calendar, start: string): readonly (readonly [number, number])[] | undefined {
  try {
    const full = { ...c, holidays: c.holidays ?? [], shifts: c.shifts.map((s) => ({ ...s, breaks: s.breaks ?? [] })) } as Scenario['calendars'][number];
    return workingIntervals(full, start, 7 * 1440);
  } catch {
    return undefined;
  }
}

function WeekPreview({ calendar, start }: { calendar: Calendar; start: string }) {
  const week = weekOf(calendar, start);
  if (!week) return <p className="experiment-note">Week preview: fix the times first.</p>;
  const W = 480;
  const x = (m: number) => 40 + ((m % 1440) / 1440) * (W - 40);
  const hours = week.reduce((a, [s, e]) => a + e - s, 0) / 60;
  return (
    <svg width={W} height={7 * 14 + 18} role="img" aria-label={`Week preview of ${calendar.id}: ${hours.toFixed(1)} working hours`} data-testid={`week-${calendar.id}`}>
      {Array.from({ length: 7 }, (_, d) => <text key={d} x={0} y={d * 14 + 11} className="chart-tick">{`day ${d + 1}`}</text>)}
      {week.flatMap(([s, e], k) => {
        // An interval may cross midnight: draw it on each day it touches.
        const parts: [number, number][] = [];
        for (let a = s; a < e;) {
          const dayEnd = (Math.floor(a / 1440) + 1) * 1440;
          parts.push([a, Math.min(e, dayEnd)]);
          a = Math.min(e, dayEnd);
        }
        return parts.map(([a, b], j) => (
          <rect key={`${k}-${j}`} x={x(a)} width={Math.max(1, ((b - a) / 1440) * (W - 40))} y={Math.floor(a / 1440) * 14 + 2} height={10} fill="#4a7" />
        ));
      })}
      {[0, 6, 12, 18, 24].map((h) => <text key={h} x={40 + (h / 24) * (W - 40)} y={7 * 14 + 14} textAnchor="middle" className="chart-tick">{`${h}:00`}</text>)}
      <text x={W} y={7 * 14 + 14} textAnchor="end" className="chart-label">{`${hours.toFixed(1)} h a week`}</text>
    </svg>
  );
}

/** Calendars: each shift's days, start, end and breaks; holidays; a week preview of the working time. */
export function ShiftEditor({ draft, edit }: { draft: ScenarioInput; edit(change: (d: ScenarioInput) => ScenarioInput): void }) {
  const setShift = (c: number, s: number, change: (shift: Calendar['shifts'][number]) => Calendar['shifts'][number]) =>
    edit((d) => ({ ...d, calendars: d.calendars.map((cal, i) => (i !== c ? cal : { ...cal, shifts: cal.shifts.map((sh, j) => (j === s ? change(sh) : sh)) })) }));
  return (
    <div data-testid="shift-editor">
      {draft.calendars.map((c, ci) => (
        <fieldset key={c.id} className="calendar-editor">
          <legend>Calendar {c.id}</legend>
          {c.shifts.map((s, si) => (
            <div key={si} className="live-actions shift-row" data-shift={`${c.id}/${s.name}`}>
              <input value={s.name} onChange={(e) => setShift(ci, si, (sh) => ({ ...sh, name: e.target.value }))} aria-label="Shift name" style={{ width: 70 }} />
              {DAYS.map((day) => (
                <label key={day} className="day-box"><input type="checkbox" checked={s.days.includes(day)} aria-label={`${s.name} on ${day}`}
                  onChange={(e) => setShift(ci, si, (sh) => ({ ...sh, days: e.target.checked ? DAYS.filter((d) => d === day || sh.days.includes(d)) : sh.days.filter((d) => d !== day) }))} />{day}</label>
              ))}
              <input value={s.start} onChange={(e) => setShift(ci, si, (sh) => ({ ...sh, start: e.target.value }))} aria-label={`${s.name} start`} style={{ width: 52 }} />
              –
              <input value={s.end} onChange={(e) => setShift(ci, si, (sh) => ({ ...sh, end: e.target.value }))} aria-label={`${s.name} end`} style={{ width: 52 }} />
              <input value={(s.breaks ?? []).map((b) => `${b.start}-${b.end}`).join(' ')} aria-label={`${s.name} breaks`} title="Breaks as start-end, separated by spaces" style={{ width: 170 }}
                onChange={(e) => setShift(ci, si, (sh) => ({ ...sh, breaks: e.target.value.split(/\s+/).filter(Boolean).map((b) => { const [start = '', end = ''] = b.split('-'); return { start, end }; }) }))} />
              <button type="button" onClick={() => edit((d) => ({ ...d, calendars: d.calendars.map((cal, i) => (i !== ci ? cal : { ...cal, shifts: cal.shifts.filter((_, j) => j !== si) })) }))} aria-label={`Delete shift ${s.name}`}>✕</button>
            </div>
          ))}
          <div className="live-actions">
            <button type="button" onClick={() => edit((d) => ({ ...d, calendars: d.calendars.map((cal, i) => (i !== ci ? cal : { ...cal, shifts: [...cal.shifts, { name: 'new', days: ['sat'], start: '06:00', end: '14:00', breaks: [] }] })) }))}>Add shift</button>
            <label>Holidays <input value={(c.holidays ?? []).join(' ')} aria-label={`Holidays of ${c.id}`} placeholder="2026-12-25 2026-12-26" style={{ width: 220 }}
              onChange={(e) => edit((d) => ({ ...d, calendars: d.calendars.map((cal, i) => (i !== ci ? cal : { ...cal, holidays: e.target.value.split(/\s+/).filter(Boolean) })) }))} /></label>
          </div>
          <WeekPreview calendar={c} start={draft.start} />
        </fieldset>
      ))}
    </div>
  );
}
