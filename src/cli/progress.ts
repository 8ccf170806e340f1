import { MultiBar, Presets } from 'cli-progress';

/** One thing whose progress is shown: a scan's folders, an item's download or encode. */
export interface ProgressLine {
  /** `unit` '%' shows `value %`; anything else `value/total unit`. */
  update(value: number, total: number, detail?: string): void;
}

/** Where `--watch` shows progress: bars on a terminal, a line per change otherwise (logs, pipes, tests). */
export interface ProgressBoard {
  line(label: string, unit: string): ProgressLine;
  /** A message above the bars. */
  note(text: string): void;
  stop(): void;
}

const LABEL_WIDTH = 28;

export function progressBoard(stream: NodeJS.WriteStream = process.stderr): ProgressBoard {
  return stream.isTTY ? barBoard(stream) : textBoard(stream);
}

const amount = (unit: string, value: number, total: number) =>
  unit === '%' ? `${Math.round(value)} %` : `${value}/${total || '?'} ${unit}`;

function barBoard(stream: NodeJS.WriteStream): ProgressBoard {
  const bars = new MultiBar(
    {
      stream,
      format: '{label} [{bar}] {amount} {detail}',
      hideCursor: true,
      emptyOnZero: true,
      barsize: 20,
      clearOnComplete: false,
    },
    Presets.shades_classic,
  );
  // Ctrl-C: the bars hid the cursor, so they are stopped (which shows it again) before the process ends.
  const interrupted = () => {
    bars.stop();
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  return {
    line(label, unit) {
      const padded = label.length > LABEL_WIDTH ? `${label.slice(0, LABEL_WIDTH - 1)}…` : label.padEnd(LABEL_WIDTH);
      const bar = bars.create(0, 0, { label: padded, amount: '', detail: '' });
      return {
        update(value, total, detail = '') {
          bar.setTotal(total);
          bar.update(value, { amount: amount(unit, value, total), detail });
        },
      };
    },
    note: (text) => bars.log(`${text}\n`),
    stop: () => {
      process.off('SIGINT', interrupted);
      bars.stop();
    },
  };
}

function textBoard(stream: NodeJS.WriteStream): ProgressBoard {
  return {
    line(label, unit) {
      let last = '';
      return {
        update(value, total, detail = '') {
          const text = `${label}: ${amount(unit, value, total)}${detail ? ` ${detail}` : ''}`;
          if (text !== last) stream.write(`${text}\n`);
          last = text;
        },
      };
    },
    note: (text) => stream.write(`${text}\n`),
    stop: () => undefined,
  };
}
