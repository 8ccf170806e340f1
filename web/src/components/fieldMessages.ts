/** A refusal's message, sorted by the form field it names. */
export interface FieldMessages {
  /** Field name (the first segment after `body.`) → what the API said of it, with the rest of its path. */
  byField: Map<string, string[]>;
  /** Messages that name no field of the form (a 409, a 404, a field the form does not show). */
  general: string[];
}

const FIELD_MESSAGE = /^body\.([^.:\s]+)((?:\.[^:\s]+)?):\s*(.*)$/s;

/**
 * Splits an API refusal into messages per field: a 400 names each field it refuses
 * (`body.name: …; body.config.groups.0.url: an http:// or https:// URL`), so the form can show each one
 * next to the field it is about. `fields` are the names the form shows; the rest stays general.
 */
export function fieldMessages(error: unknown, fields: readonly string[]): FieldMessages {
  const byField = new Map<string, string[]>();
  const general: string[] = [];
  if (!error) return { byField, general };
  const message = error instanceof Error ? error.message : String(error);
  // An ApiError's status (api/client.ts); read by shape so this module needs no browser to be tested.
  const status = error instanceof Error && 'status' in error ? error.status : undefined;
  const parts = status === 400 ? message.split('; ') : [message];
  for (const part of parts) {
    const match = FIELD_MESSAGE.exec(part);
    const field = match?.[1];
    if (match && field && fields.includes(field)) {
      const rest = match[2] ? `${match[2].slice(1)}: ` : '';
      byField.set(field, [...(byField.get(field) ?? []), `${rest}${match[3]}`]);
    } else {
      general.push(part);
    }
  }
  return { byField, general };
}
