import type { ReactNode } from 'react';
import { DISPATCH_RULES, ESTIMATE_KPIS, type LessonInput } from '../../training/lessonSchema.ts';
import type { ScenarioFacts } from './authorModel.ts';

type Item = Record<string, unknown>;
export type ItemList = 'steps' | 'events' | 'decisions' | 'alarms';

/** One field: a label and its input; `testid` names it for tests as "<list>-<index>-<field>". */
function Field({ label, children }: { label: string; children: ReactNode }) {
  return <label className="author-field"><span>{label}</span>{children}</label>;
}

interface EditorProps {
  item: Item;
  facts: ScenarioFacts;
  lesson: LessonInput;
  testid: string;
  change: (patch: Item) => void;
}

const text = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
const num = (v: string): number | undefined => (v.trim() === '' ? undefined : Number(v));
const list = (v: string): string[] => v.split(',').map((s) => s.trim()).filter(Boolean);

function Text({ item, k, label, testid, change, area }: { item: Item; k: string; label: string; testid: string; change: EditorProps['change']; area?: boolean }) {
  return (
    <Field label={label}>
      {area
        ? <textarea data-testid={`${testid}-${k}`} value={text(item[k])} onChange={(e) => change({ [k]: e.target.value })} rows={3} />
        : <input data-testid={`${testid}-${k}`} value={text(item[k])} onChange={(e) => change({ [k]: e.target.value })} />}
    </Field>
  );
}

function Num({ item, k, label, testid, change }: { item: Item; k: string; label: string; testid: string; change: EditorProps['change'] }) {
  return (
    <Field label={label}>
      <input type="number" step="any" data-testid={`${testid}-${k}`} value={text(item[k])} onChange={(e) => change({ [k]: num(e.target.value) })} />
    </Field>
  );
}

function Pick({ item, k, label, options, testid, change }: { item: Item; k: string; label: string; options: readonly string[]; testid: string; change: EditorProps['change'] }) {
  return (
    <Field label={label}>
      <select data-testid={`${testid}-${k}`} value={text(item[k])} onChange={(e) => change({ [k]: e.target.value || undefined })}>
        <option value="">—</option>
        {options.map((o) => <option key={o} value={o}>{o}</option>)}
      </select>
    </Field>
  );
}

function ListText({ item, k, label, testid, change, hint }: { item: Item; k: string; label: string; testid: string; change: EditorProps['change']; hint: string }) {
  const value = Array.isArray(item[k]) ? (item[k] as string[]).join(', ') : '';
  return (
    <Field label={label}>
      <input data-testid={`${testid}-${k}`} defaultValue={value} placeholder={hint} onBlur={(e) => {
        const values = list(e.target.value);
        change({ [k]: values.length ? values : undefined });
      }} />
    </Field>
  );
}

export function StepEditor({ item, testid, change }: EditorProps) {
  const highlight = Array.isArray(item.highlight) ? (item.highlight as { kind: string; id: string }[]) : [];
  return (
    <>
      <Text item={item} k="title" label="Title" testid={testid} change={change} />
      <Text item={item} k="text" label="Text" testid={testid} change={change} area />
      <Field label="Highlight machines">
        <input data-testid={`${testid}-highlight`} defaultValue={highlight.filter((h) => h.kind === 'machine').map((h) => h.id).join(', ')} placeholder="BOOTH-01, BOOTH-02"
          onBlur={(e) => change({ highlight: [...highlight.filter((h) => h.kind !== 'machine'), ...list(e.target.value).map((id) => ({ kind: 'machine', id }))] })} />
      </Field>
    </>
  );
}

export function EventEditor({ item, facts, lesson, testid, change }: EditorProps) {
  const kind = item.kind as string;
  const order = (item.order ?? {}) as Item;
  const changeOrder = (patch: Item) => change({ order: { ...order, ...patch } });
  void lesson;
  return (
    <>
      {(kind === 'breakdown' || kind === 'stale-data') && <Pick item={item} k="equipment" label="Machine" options={facts.equipment} testid={testid} change={change} />}
      {kind !== 'rush-order' && <Num item={item} k="duration" label="Minutes" testid={testid} change={change} />}
      {kind === 'breakdown' && <Text item={item} k="reason" label="Reason" testid={testid} change={change} />}
      {kind === 'operator-absent' && (
        <>
          <Pick item={item} k="pool" label="Operator pool" options={facts.pools.map((p) => p.id)} testid={testid} change={change} />
          <Num item={item} k="count" label="Absent" testid={testid} change={change} />
        </>
      )}
      {kind === 'material-shortage' && (
        <>
          <Text item={item} k="material" label="Material" testid={testid} change={change} />
          <ListText item={item} k="products" label="Products" testid={testid} change={change} hint={facts.products.slice(0, 3).join(', ')} />
          <Pick item={item} k="operation" label="At operation" options={facts.operations} testid={testid} change={change} />
        </>
      )}
      {kind === 'rush-order' && (
        <>
          <Text item={order} k="id" label="Order id" testid={`${testid}-order`} change={changeOrder} />
          <Pick item={order} k="product" label="Product" options={facts.products} testid={`${testid}-order`} change={changeOrder} />
          <Num item={order} k="quantity" label="Quantity" testid={`${testid}-order`} change={changeOrder} />
          <Text item={order} k="due" label="Due (ISO)" testid={`${testid}-order`} change={changeOrder} />
        </>
      )}
    </>
  );
}

export function DecisionEditor({ item, facts, lesson, testid, change }: EditorProps) {
  const kind = item.kind as string;
  const rushEvents = (lesson.events ?? []).filter((e) => e.kind === 'rush-order').map((e) => e.id);
  const hints = Array.isArray(item.hints) ? (item.hints as { text: string; cost?: number }[]) : [];
  const candidates = Array.isArray(item.candidates) ? (item.candidates as { id: string; sequence: string[] }[]) : [];
  const attributes = [...new Set(facts.matrices.map((m) => m.attribute))];
  return (
    <>
      <Text item={item} k="title" label="Title" testid={testid} change={change} />
      <Text item={item} k="prompt" label="Question" testid={testid} change={change} area />
      <Num item={item} k="points" label="Points" testid={testid} change={change} />
      {kind === 'next-job' && <Pick item={item} k="equipment" label="Machine" options={facts.equipment} testid={testid} change={change} />}
      {kind === 'dispatching-rule' && <ListText item={item} k="options" label="Rules offered" testid={testid} change={change} hint={DISPATCH_RULES.join(', ')} />}
      {(kind === 'dispatching-rule' || kind === 'sequence') && <ListText item={item} k="equipment" label="Machines" testid={testid} change={change} hint="all when empty" />}
      {kind === 'reroute' && (
        <>
          <Pick item={item} k="from" label="From" options={facts.equipment} testid={testid} change={change} />
          <ListText item={item} k="to" label="To" testid={testid} change={change} hint="machines, comma separated" />
        </>
      )}
      {kind === 'rush-order' && <Pick item={item} k="event" label="Rush order" options={rushEvents} testid={testid} change={change} />}
      {kind === 'sequence' && (
        <>
          <Pick item={item} k="attribute" label="Attribute" options={attributes} testid={testid} change={change} />
          <Field label="Candidates (one per line: id: a, b, c)">
            <textarea data-testid={`${testid}-candidates`} rows={3}
              defaultValue={candidates.map((c) => `${c.id}: ${c.sequence.join(', ')}`).join('\n')}
              onBlur={(e) => change({ candidates: e.target.value.split('\n').filter((l) => l.includes(':')).map((l) => ({ id: l.split(':')[0]!.trim(), sequence: list(l.slice(l.indexOf(':') + 1)) })) })} />
          </Field>
        </>
      )}
      {kind === 'estimate' && (
        <>
          <Pick item={item} k="kpi" label="KPI" options={ESTIMATE_KPIS} testid={testid} change={change} />
          <Pick item={item} k="equipment" label="Machine" options={facts.equipment} testid={testid} change={change} />
          <Num item={item} k="tolerance" label="Tolerance" testid={testid} change={change} />
        </>
      )}
      <Field label="Hints (one per line: text | cost)">
        <textarea data-testid={`${testid}-hints`} rows={2} defaultValue={hints.map((h) => `${h.text} | ${h.cost ?? 10}`).join('\n')}
          onBlur={(e) => change({ hints: e.target.value.split('\n').filter((l) => l.trim()).map((l) => ({ text: l.split('|')[0]!.trim(), cost: Number(l.split('|')[1] ?? 10) })) })} />
      </Field>
      <Field label="Seconds to decide (empty: no limit)">
        <input type="number" data-testid={`${testid}-limit`} value={text((item.timeLimit as Item | undefined)?.seconds)}
          onChange={(e) => change({ timeLimit: num(e.target.value) === undefined ? undefined : { seconds: num(e.target.value), penaltyPerSecond: 1 } })} />
      </Field>
    </>
  );
}

export function AlarmEditor({ item, facts, testid, change }: EditorProps) {
  return (
    <>
      <Pick item={item} k="kind" label="Kind" options={['machine-down', 'stale-data', 'order-at-risk']} testid={testid} change={change} />
      <Pick item={item} k="priority" label="Priority" options={['critical', 'high', 'medium', 'low']} testid={testid} change={change} />
      <ListText item={item} k="equipment" label="Machines" testid={testid} change={change} hint={`all when empty, e.g. ${facts.equipment[0] ?? ''}`} />
      <Num item={item} k="respondWithin" label="Minutes to respond" testid={testid} change={change} />
      <Num item={item} k="points" label="Points" testid={testid} change={change} />
    </>
  );
}
