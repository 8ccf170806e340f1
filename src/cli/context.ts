import type { Command } from 'commander';
import { answer, createApiClients, type ApiClient, type PendingApiClient } from './api.js';
import { resolveTarget, type Target } from './target.js';

/** What every command gets: the typed API clients, where they point, and whether to print JSON. */
export interface CliContext {
  api: ApiClient;
  /** Routes not yet in the generated types (see pending-routes.ts). */
  pending: PendingApiClient;
  target: Target;
  json: boolean;
  /** The answer of an API call, or a CliError with the API's message. */
  answer<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T>;
}

interface GlobalOptions {
  url?: string;
  apiKey?: string;
  json?: boolean;
}

export function contextFor(command: Command): CliContext {
  const options = command.optsWithGlobals<GlobalOptions>();
  const target = resolveTarget({ url: options.url, apiKey: options.apiKey });
  const { api, pending } = createApiClients(target);
  return { api, pending, target, json: options.json === true, answer: (call) => answer(call, target) };
}

/**
 * A commander action that gets the context first, then the command's arguments and options. Commander passes
 * the positional arguments, then the options, then the command itself.
 */
export function action<A extends unknown[]>(run: (ctx: CliContext, ...args: A) => Promise<void>) {
  return async (...received: unknown[]) => {
    const command = received[received.length - 1] as Command;
    await run(contextFor(command), ...(received.slice(0, -1) as A));
  };
}
