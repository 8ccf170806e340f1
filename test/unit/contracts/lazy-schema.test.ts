import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkWorkflowInput, lazySchema } from '../../../src/contracts/workflow-input.js';

describe('lazySchema', () => {
  it('builds nothing until a run checks its input, then builds once', () => {
    let builds = 0;
    const schema = lazySchema(() => {
      builds++;
      return z.object({ libraryId: z.string() });
    });
    expect(builds).toBe(0);
    expect(checkWorkflowInput('test', schema, { libraryId: 'a' })).toEqual({ libraryId: 'a' });
    expect(() => checkWorkflowInput('test', schema, { libraryId: 1 })).toThrow('test: input.libraryId:');
    expect(builds).toBe(1);
  });
});
