/**
 * One refresh a media player is asked for: a folder that changed, or the whole library when too many did
 * (or when the player cannot name the folder). Shared by the Kodi, Jellyfin and Plex refreshers.
 */
export type FolderChange = 'added' | 'updated' | 'removed';

export type RefreshScope =
  | { kind: 'folder'; path: string; change: FolderChange }
  /** The library's root folder on this machine. */
  | { kind: 'library'; rootPath: string };

export interface PlayerRefreshRequest {
  scope: RefreshScope;
  /** Remove entries whose files are gone before scanning (Kodi's VideoLibrary.Clean). */
  cleanFirst: boolean;
  /** Scan even while a video plays (Kodi): the wait for playback to end has run out. */
  ignorePlaying?: boolean;
}

export type PlayerRefreshOutcome =
  | {
      status: 'refreshed';
      /** What was sent, for the workflow history: "scan smb://nas/movies/Heat (1995)/ on living-room". */
      detail: string;
      /** A refresh wider than the library (Kodi's full scan) was sent: the rest of the batch is covered. */
      coveredEverything: boolean;
    }
  /** Every reachable host is playing a video; ask again later. */
  | { status: 'deferred'; detail: string };
