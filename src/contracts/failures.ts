/** The innermost message of a failure chain (ActivityFailure → ApplicationFailure → ...): what a person should read. */
export function rootMessage(error: unknown): string {
  let current: unknown = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  return current instanceof Error ? current.message : String(error);
}
