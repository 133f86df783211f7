import type { MouseEvent } from 'react';
import type { LessonInput } from '../../training/lessonSchema.ts';
import { minuteOf, type ScenarioFacts } from './authorModel.ts';
import type { ItemList } from './AuthorItems.tsx';

const WIDTH = 760;
const HEIGHT = 64;
const PAD = 12;
const ROWS: { list: ItemList; label: string; y: number }[] = [
  { list: 'steps', label: 'steps', y: 16 },
  { list: 'events', label: 'events', y: 32 },
  { list: 'decisions', label: 'decisions', y: 48 },
];

/**
 * The lesson's span as a strip, days marked: steps, events and decisions sit at their times.
 * With an item chosen ("Place on the timeline"), a click on the strip moves it there (to 5 minutes).
 */
export function AuthorTimeline({ facts, lesson, selected, onPlace }: {
  facts: ScenarioFacts; lesson: LessonInput; selected: { list: ItemList; index: number } | undefined; onPlace: (minutes: number) => void;
}) {
  const span = facts.horizon;
  const x = (m: number) => PAD + ((WIDTH - 2 * PAD) * Math.min(Math.max(m, 0), span)) / span;
  const click = (e: MouseEvent<SVGSVGElement>) => {
    if (!selected) return;
    const box = e.currentTarget.getBoundingClientRect();
    const m = ((e.clientX - box.left - PAD) / (box.width - 2 * PAD)) * span;
    onPlace(Math.round(Math.min(Math.max(m, 0), span) / 5) * 5);
  };
  const when = (item: { at?: string; event?: string }): number | undefined => {
    if (item.at) return minuteOf(facts, item.at);
    const e = (lesson.events ?? []).find((x) => x.id === item.event);
    return e ? minuteOf(facts, e.at) : undefined;
  };
  return (
    <section className="author-section">
      <h2>Timeline</h2>
      <p className="author-note">{selected ? `Click the strip to place ${selected.list.replace(/s$/, '')} ${selected.index + 1}.` : 'Choose "Place on the timeline" on an item, then click here.'}</p>
      <svg width={WIDTH} height={HEIGHT + 14} className={`author-timeline${selected ? ' placing' : ''}`} onClick={click} data-testid="author-timeline" role="img" aria-label="The lesson's timeline">
        <rect x={PAD} y={6} width={WIDTH - 2 * PAD} height={HEIGHT - 6} className="strip" />
        {Array.from({ length: Math.floor(span / 1440) + 1 }, (_, d) => d * 1440).map((m) => (
          <g key={m}><line x1={x(m)} x2={x(m)} y1={6} y2={HEIGHT} className="day" /><text x={x(m) + 3} y={HEIGHT + 12}>day {m / 1440 + 1}</text></g>
        ))}
        {ROWS.map((row) => ((lesson[row.list] ?? []) as { id: string; at?: string; event?: string }[]).map((item, i) => {
          const m = when(item);
          if (m === undefined || Number.isNaN(m)) return null;
          const on = selected?.list === row.list && selected.index === i;
          return <circle key={`${row.list}-${i}`} cx={x(m)} cy={row.y} r={on ? 6 : 4} className={`mark mark-${row.list}${on ? ' on' : ''}`}><title>{`${row.label}: ${item.id}`}</title></circle>;
        }))}
      </svg>
    </section>
  );
}
