import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api, onSignedOut, unwrap } from '../api/client';

export const sessionKey = ['session'] as const;

/** Whether this browser is signed in (GET /api/session); the cookie itself is httpOnly, never readable here. */
export function useSession() {
  const client = useQueryClient();
  useEffect(() => onSignedOut(() => client.setQueryData(sessionKey, { signedIn: false, expiresAt: null })), [client]);
  return useQuery({ queryKey: sessionKey, queryFn: () => unwrap(api.GET('/api/session')), staleTime: Infinity });
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (apiKey: string) => unwrap(api.POST('/api/session', { body: { apiKey } })),
    onSuccess: (session) => {
      // Another person's data must not outlive the session; the session query itself stays observed.
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
      client.setQueryData(sessionKey, session);
    },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/session')),
    onSuccess: (session) => {
      // Another person's data must not outlive the session; the session query itself stays observed.
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
      client.setQueryData(sessionKey, session);
    },
  });
}
