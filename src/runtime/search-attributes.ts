import { isGrpcServiceError, type Connection } from '@temporalio/client';
import { SearchAttributeType } from '@temporalio/common';
// The SDK's own mapping from a key's type to the server's IndexedValueType (exported for registering keys).
import { encodeSearchAttributeIndexedValueType } from '@temporalio/common/lib/search-attributes.js';
import { reelflowSearchAttributes } from '../contracts/search-attributes.js';

/** gRPC status ALREADY_EXISTS: another process registered the same key a moment before us. */
const ALREADY_EXISTS = 6;

/** The CLI's names of the types (`temporal server start-dev --search-attribute Name=Keyword`). */
const cliTypeNames: Record<SearchAttributeType, string> = {
  [SearchAttributeType.TEXT]: 'Text',
  [SearchAttributeType.KEYWORD]: 'Keyword',
  [SearchAttributeType.INT]: 'Int',
  [SearchAttributeType.DOUBLE]: 'Double',
  [SearchAttributeType.BOOL]: 'Bool',
  [SearchAttributeType.DATETIME]: 'Datetime',
  [SearchAttributeType.KEYWORD_LIST]: 'KeywordList',
};

/** The dev server's flags that register Reelflow's search attributes as it starts. */
export function devServerSearchAttributeFlags(): string[] {
  return reelflowSearchAttributes.flatMap((key) => ['--search-attribute', `${key.name}=${cliTypeNames[key.type]}`]);
}

export interface RegisteredSearchAttributes {
  /** Keys this call added; the others were there already. */
  added: string[];
}

/**
 * Makes sure every Reelflow search attribute exists in the namespace, on any cluster (the operator
 * service). Idempotent: keys already registered with the right type are left alone, so every role calls
 * it at start-up. A key registered with another type stops start-up: starts and upserts would fail later.
 */
export async function registerSearchAttributes(
  connection: Pick<Connection, 'operatorService'>,
  namespace: string,
): Promise<RegisteredSearchAttributes> {
  const missing = await missingKeys(connection, namespace);
  if (missing.length === 0) return { added: [] };
  const searchAttributes = Object.fromEntries(missing.map((key) => [key.name, encodeSearchAttributeIndexedValueType(key.type)!]));
  try {
    await connection.operatorService.addSearchAttributes({ namespace, searchAttributes });
  } catch (error) {
    // Registered meanwhile by another process: fine as long as the types are ours.
    const raced = isGrpcServiceError(error) && error.code === ALREADY_EXISTS;
    if (!raced || (await missingKeys(connection, namespace)).length > 0) throw cannotRegister(missing, namespace, error);
  }
  return { added: missing.map((key) => key.name) };
}

/** Where the operator service is not ours to use (Temporal Cloud, a locked-down cluster), say what to register by hand. */
function cannotRegister(missing: readonly { name: string; type: SearchAttributeType }[], namespace: string, cause: unknown): Error {
  const commands = missing.map(
    (key) => `temporal operator search-attribute create --namespace ${namespace} --name ${key.name} --type ${cliTypeNames[key.type]}`,
  );
  return new Error(
    `Could not register the search attributes Reelflow's workflows start with in namespace "${namespace}": ${(cause as Error).message}. ` +
      `Register them once, e.g.:\n  ${commands.join('\n  ')}`,
    { cause },
  );
}

async function missingKeys(connection: Pick<Connection, 'operatorService'>, namespace: string) {
  const listed = await connection.operatorService.listSearchAttributes({ namespace });
  const existing = new Map<string, unknown>([
    ...Object.entries(listed.systemAttributes ?? {}),
    ...Object.entries(listed.customAttributes ?? {}),
  ]);
  const wrongType = reelflowSearchAttributes.filter(
    (key) => existing.has(key.name) && existing.get(key.name) !== encodeSearchAttributeIndexedValueType(key.type),
  );
  if (wrongType.length > 0) {
    throw new Error(
      `Search attributes registered with another type in namespace "${namespace}": ` +
        wrongType.map((key) => `${key.name} (Reelflow needs ${cliTypeNames[key.type]})`).join(', ') +
        '. Remove them (temporal operator search-attribute remove) and start again.',
    );
  }
  return reelflowSearchAttributes.filter((key) => !existing.has(key.name));
}
