/** An error as the API said it (its message names the field or the reason). */
export function ErrorNote({ error }: { error: unknown }) {
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div className="notice notice-error" role="alert">
      {message}
    </div>
  );
}
