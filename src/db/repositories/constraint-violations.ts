/** Postgres's answer when a write breaks a constraint, as drizzle passes it on (the error, or its cause). */
function postgresCode(error: unknown): string | undefined {
  return (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
}

/** A unique constraint refused the write (a name already taken). */
export function isUniqueViolation(error: unknown): boolean {
  return postgresCode(error) === '23505';
}

/** A foreign key refused the write (a row still used by another). */
export function isForeignKeyViolation(error: unknown): boolean {
  return postgresCode(error) === '23503';
}
