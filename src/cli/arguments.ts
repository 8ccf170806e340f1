import { InvalidArgumentError } from 'commander';

/** Parsers of option values: only their form; what a value means is the API's to check. */

export function integer(value: string): number {
  if (!/^-?\d+$/.test(value)) throw new InvalidArgumentError('Expected a whole number.');
  return Number(value);
}

export function episode(value: string): { season: number; episode: number } {
  const match = /^S(\d+)E(\d+)$/i.exec(value);
  if (!match) throw new InvalidArgumentError('Expected an episode as S01E02.');
  return { season: Number(match[1]), episode: Number(match[2]) };
}

/** A repeatable option: every occurrence, parsed, in order. */
export function collect<T>(parse: (value: string) => T) {
  return (value: string, previous: T[] | undefined) => [...(previous ?? []), parse(value)];
}
