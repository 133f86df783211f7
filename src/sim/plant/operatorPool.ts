import type { OperatorPoolSpec } from './compiledPlant.ts';

/** Equipment asking for an operator: told when one is granted, and when its operator's shift ends or restarts. */
export interface OperatorUser {
  operatorGranted(pool: OperatorPool): void;
  operatorAway(away: boolean): void;
}

/** `count` interchangeable operators with the same skills and calendar. */
export class OperatorPool {
  free: number;
  onShift = true;
  readonly holders: OperatorUser[] = [];

  constructor(readonly spec: OperatorPoolSpec) {
    this.free = spec.count;
  }
}

interface Waiting {
  skill: string;
  user: OperatorUser;
}

/**
 * Operators as resources. A setup or operation that needs a skill waits for a free operator of
 * any pool that has it (pools in scenario order); waiting requests are served oldest first.
 *
 * Shifts: an operator works only in the pool's calendar. Outside it no one is granted, and
 * equipment that holds an operator of the pool stops (its work pauses) and keeps its claim: the
 * operator carries on with that task when the shift starts again.
 *
 * A scenario without operator pools does not model operators: every request is granted at once
 * (the validator warns about skills then).
 */
export class Operators {
  readonly pools: OperatorPool[];
  private readonly bySkill = new Map<string, OperatorPool[]>();
  private readonly waiting: Waiting[] = [];

  constructor(specs: readonly OperatorPoolSpec[]) {
    this.pools = specs.map((s) => new OperatorPool(s));
    for (const pool of this.pools) {
      for (const skill of pool.spec.skills) {
        let list = this.bySkill.get(skill);
        if (!list) this.bySkill.set(skill, (list = []));
        list.push(pool);
      }
    }
  }

  /** Whether a task needing `skill` must ask for an operator at all. */
  needs(skill: string | undefined): skill is string {
    return skill !== undefined && this.bySkill.has(skill);
  }

  /** A free operator now, or undefined: the request then waits and `user.operatorGranted` follows. */
  acquire(skill: string, user: OperatorUser): OperatorPool | undefined {
    const pool = this.freePool(skill);
    if (pool) {
      this.take(pool, user);
      return pool;
    }
    this.waiting.push({ skill, user });
    return undefined;
  }

  release(pool: OperatorPool, user: OperatorUser): void {
    const k = pool.holders.indexOf(user);
    if (k >= 0) pool.holders.splice(k, 1);
    pool.free++;
    this.serve(pool);
  }

  setOnShift(pool: OperatorPool, onShift: boolean): void {
    if (pool.onShift === onShift) return;
    pool.onShift = onShift;
    for (const holder of [...pool.holders]) holder.operatorAway(!onShift);
    if (onShift) this.serve(pool);
  }

  /**
   * Operators leave (delta < 0) or rejoin (delta > 0) a pool, e.g. absent for a day. Those who
   * leave while every operator is busy leave as the busy ones finish: free may go below 0 and
   * no one is granted until it is back above.
   */
  adjust(pool: OperatorPool, delta: number): void {
    pool.free += delta;
    if (delta > 0) this.serve(pool);
  }

  private freePool(skill: string): OperatorPool | undefined {
    const pools = this.bySkill.get(skill);
    if (pools) for (const pool of pools) if (pool.onShift && pool.free > 0) return pool;
    return undefined;
  }

  private take(pool: OperatorPool, user: OperatorUser): void {
    pool.free--;
    pool.holders.push(user);
  }

  private serve(pool: OperatorPool): void {
    for (let i = 0; i < this.waiting.length && pool.onShift && pool.free > 0; i++) {
      const request = this.waiting[i]!;
      if (!pool.spec.skills.includes(request.skill)) continue;
      this.waiting.splice(i--, 1);
      this.take(pool, request.user);
      request.user.operatorGranted(pool);
    }
  }
}
