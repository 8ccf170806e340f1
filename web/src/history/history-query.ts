import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

/** The latest history events, optionally of one title (GET /api/history). */
export const historyQuery = ({ titleId, limit = 20 }: { titleId?: string; limit?: number }) =>
  queryOptions({
    queryKey: ['history', { titleId, limit }],
    queryFn: () => unwrap(api.GET('/api/history', { params: { query: { titleId, limit } } })),
  });
