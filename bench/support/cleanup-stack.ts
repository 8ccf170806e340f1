/**
 * What a benchmark started, undone in reverse order: servers, databases, temporary folders. Every step
 * runs even when an earlier one fails, and running the stack twice (the error path and a signal at the
 * same moment) undoes everything once.
 */
export class CleanupStack {
  private readonly steps: { name: string; undo: () => Promise<void> | void }[] = [];
  private running: Promise<void> | undefined;

  push(name: string, undo: () => Promise<void> | void): void {
    this.steps.push({ name, undo });
  }

  run(): Promise<void> {
    this.running ??= this.runAll();
    return this.running;
  }

  private async runAll(): Promise<void> {
    for (const { name, undo } of this.steps.reverse()) {
      try {
        await undo();
      } catch (error) {
        console.error(`cleanup: ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}
