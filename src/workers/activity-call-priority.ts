import { Context } from '@temporalio/activity';
import { priorityKeys } from '../contracts/providers.js';
import type { CallPriority } from '../providers/http/provider-pacer.js';

/**
 * Whose provider request this is, read from the Temporal priority of the activity sending it: the provider
 * workflows give a background fetch priority key 5, a person's 1. A request outside any activity, or from
 * an activity with no priority, counts as a person's, so it is never held back.
 */
export function activityCallPriority(): CallPriority {
  let priorityKey: number | undefined;
  try {
    priorityKey = Context.current().info.priority?.priorityKey;
  } catch {
    return 'user';
  }
  return priorityKey !== undefined && priorityKey >= priorityKeys.background ? 'background' : 'user';
}
