import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, generateApiTypes } from '../../scripts/api-types.js';

describe('the API types the CLI and web UI are built on', () => {
  it('match the routes: run `npm run openapi` after changing a route schema', async () => {
    const generated = await generateApiTypes();
    expect(generated).toContain('"/api/requests/{id}"');
    expect(fs.readFileSync(API_TYPES_FILE, 'utf8')).toBe(generated);
  }, 60_000);
});
