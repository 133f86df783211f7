import { checkCalendars } from './calendarChecks.ts';
import { closest } from './closest.ts';
import { checkDistribution } from './distributionChecks.ts';
import type { Findings } from './findings.ts';
import type { LayoutIndex } from './layoutIndex.ts';
import { childPath, listSome } from './render.ts';
import type { Scenario } from './scenarioSchema.ts';

function equipmentRef(f: Findings, path: string, id: string, layout: LayoutIndex | undefined): void {
  if (layout) f.reference(path, id, layout.equipmentById, 'the id of equipment in the layout', 'equipment');
}

/** Calendars, their assignment to equipment and crews, and working time within the horizon. */
function checkCalendarUse(s: Scenario, layout: LayoutIndex | undefined, f: Findings): void {
  const calendars = f.unique(s.calendars, (c) => c.id, (i) => `calendars[${i}].id`, 'a calendar id');
  const expected = 'the id of a calendar in calendars[]';
  f.reference('equipmentCalendars.default', s.equipmentCalendars.default, calendars, expected, 'calendar');
  for (const [equipment, calendar] of Object.entries(s.equipmentCalendars.overrides)) {
    const path = childPath('equipmentCalendars.overrides', equipment);
    if (layout) f.reference(path, equipment, layout.equipmentById, 'a key naming equipment in the layout', 'equipment');
    f.reference(path, calendar, calendars, expected, 'calendar');
  }
  s.operators.forEach((pool, i) => {
    if (pool.calendar !== undefined) f.reference(`operators[${i}].calendar`, pool.calendar, calendars, expected, 'calendar');
  });
  const used = new Set([s.equipmentCalendars.default, ...Object.values(s.equipmentCalendars.overrides),
    ...s.operators.flatMap((p) => (p.calendar === undefined ? [] : [p.calendar]))]);
  checkCalendars(s, used, f);
}

function checkFailuresAndEnergy(s: Scenario, layout: LayoutIndex | undefined, f: Findings): void {
  s.failures.forEach((model, i) => {
    const path = `failures[${i}]`;
    model.equipment.forEach((e, k) => equipmentRef(f, `${path}.equipment[${k}]`, e, layout));
    checkDistribution(model.timeBetweenFailures, `${path}.timeBetweenFailures`, f, 'a time between failures');
    checkDistribution(model.timeToRepair, `${path}.timeToRepair`, f);
  });
  s.maintenance.forEach((m, i) => equipmentRef(f, `maintenance[${i}].equipment`, m.equipment, layout));
  s.energy.forEach((profile, i) => profile.equipment.forEach((e, k) => equipmentRef(f, `energy[${i}].equipment[${k}]`, e, layout)));
}

/**
 * Each skill an operation needs must be offered by some operator pool. A scenario without any
 * pools does not model operators at all; then skills are ignored, and one warning says so.
 */
function checkSkills(s: Scenario, f: Findings): void {
  f.unique(s.operators, (p) => p.id, (i) => `operators[${i}].id`, 'an operator pool id');
  const needed: { path: string; skill: string }[] = [];
  s.routings.forEach((routing, r) => routing.operations.forEach((op, j) => {
    const opPath = `routings[${r}].operations[${j}]`;
    if (op.setupSkill !== undefined) needed.push({ path: `${opPath}.setupSkill`, skill: op.setupSkill });
    if (op.runSkill !== undefined) needed.push({ path: `${opPath}.runSkill`, skill: op.runSkill });
  }));
  if (needed.length === 0) return;
  if (s.operators.length === 0) {
    const skills = [...new Set(needed.map((n) => n.skill))];
    f.warn('operators', `operator pools with the skills operations need (${listSome(skills)})`, 'no operator pools',
      'without operator pools, operations run without operators and their skills are ignored');
    return;
  }
  const offered = new Set(s.operators.flatMap((p) => p.skills));
  for (const { path, skill } of needed) {
    if (offered.has(skill)) continue;
    const guess = closest(skill, offered);
    f.error(path, 'a skill that some operator pool has', JSON.stringify(skill),
      guess !== undefined ? `did you mean '${guess}'?` : `add "${skill}" to the skills of an operator pool in operators[]`);
  }
}

function checkTransport(s: Scenario, f: Findings): void {
  if (!s.transport) return;
  const fleets = f.unique(s.transport.fleets, (t) => t.id, (i) => `transport.fleets[${i}].id`, 'a fleet id');
  f.reference('transport.default', s.transport.default, fleets, 'the id of a fleet in transport.fleets', 'fleet');
}

/** Calendars, failures, maintenance, energy, operators and transport. */
export function checkResources(s: Scenario, layout: LayoutIndex | undefined, f: Findings): void {
  checkCalendarUse(s, layout, f);
  checkFailuresAndEnergy(s, layout, f);
  checkSkills(s, f);
  checkTransport(s, f);
}
