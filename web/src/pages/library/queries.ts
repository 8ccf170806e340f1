import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { libraryQuery } from './data';

export const useLibraries = () => useQuery({ queryKey: ['libraries'], queryFn: () => unwrap(api.GET('/api/libraries')) });

export const useLibrary = (id: string) => useQuery(libraryQuery(id));

/** Starts a scan (or answers the one running); its progress arrives on the live stream (Activity, the library page). */
export function useScanLibrary() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/libraries/{id}/scan', { params: { path: { id } } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['activity'] }),
  });
}
