/** An activity as a workflow calls it: one input object, a promise. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a stand-in takes whatever its activity takes
type StandIn = (input: any) => Promise<unknown>;

export interface ActivityCall<A> {
  activity: keyof A & string;
  input: unknown;
}

/**
 * Stand-in activities (plain async functions) and the calls a workflow made to them, in order: the test
 * asserts which activities ran with what, next to the workflow's own result.
 */
export class ActivityCalls<A extends Record<string, StandIn>> {
  readonly log: ActivityCall<A>[] = [];
  /** The stand-ins, each recording its call before it runs: what a worker registers. */
  readonly activities: A;

  constructor(standIns: A) {
    const recorded: Record<string, StandIn> = {};
    for (const [name, run] of Object.entries(standIns)) {
      recorded[name] = (input) => {
        this.log.push({ activity: name, input });
        return run(input);
      };
    }
    this.activities = recorded as A;
  }

  /** The inputs of every call to one activity, in order. */
  of<K extends keyof A & string>(activity: K): Parameters<A[K]>[0][] {
    return this.log.filter((call) => call.activity === activity).map((call) => call.input as Parameters<A[K]>[0]);
  }

  count(activity: keyof A & string): number {
    return this.of(activity).length;
  }

  /** The activities called, in order, leaving out those named (bookkeeping such as transitions). */
  sequence(...leaveOut: (keyof A & string)[]): string[] {
    return this.log.filter((call) => !leaveOut.includes(call.activity)).map((call) => call.activity);
  }

  /** Resolves once `activity` was called `times` times (it may still be running). */
  async called(activity: keyof A & string, times = 1, timeoutMs = 10_000): Promise<void> {
    await eventually(
      () => this.count(activity) >= times,
      `${activity} to be called ${times} time(s), it was called ${this.count(activity)}`,
      timeoutMs,
    );
  }
}

/** Polls `check` until it holds; a test's way of waiting for something a workflow does on its own time. */
export async function eventually(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
