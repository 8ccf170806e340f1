import { rootCause } from '@temporalio/common';

/**
 * The failure types activities throw and workflows' retry policies and branches read. A type is a contract
 * between the two sides: a typo on either would silently make a final failure retried, or the other way round.
 */

/** Any workflow whose input fails its schema (src/contracts/workflow-input.ts). */
export const INVALID_WORKFLOW_INPUT = 'InvalidWorkflowInput';

// Libraries, folders and titles.
export const LIBRARY_NOT_FOUND = 'LibraryNotFound';
/** The library was deleted while its work was queued. */
export const LIBRARY_DELETED = 'LibraryDeleted';
export const LIBRARY_ROOT_UNREADABLE = 'LibraryRootUnreadable';
export const UNSUPPORTED_LIBRARY_KIND = 'UnsupportedLibraryKind';
export const FOLDER_OUTSIDE_LIBRARY = 'FolderOutsideLibrary';
/** folderRefresh's activity input failed its schema. */
export const INVALID_FOLDER_REFRESH_INPUT = 'InvalidInput';
export const TITLE_NOT_FOUND = 'TitleNotFound';

// Metadata providers: the error classes' names (src/providers/http/errors.ts) travel as failure types.
export const PROVIDER_AUTH_ERROR = 'ProviderAuthError';
export const PROVIDER_NOT_FOUND_ERROR = 'ProviderNotFoundError';
export const PROVIDER_REQUEST_ERROR = 'ProviderRequestError';
export const PROVIDER_RESPONSE_ERROR = 'ProviderResponseError';
export const PROVIDER_RATE_LIMIT_ERROR = 'ProviderRateLimitError';
export const PROVIDER_UNAVAILABLE_ERROR = 'ProviderUnavailableError';
/** A provider call that ran out of its own timeout. */
export const PROVIDER_TIMEOUT_FAILURE = 'ProviderTimeout';
export const PROVIDER_DELETED = 'ProviderDeleted';
export const PROVIDER_NOT_TMDB = 'ProviderNotTmdb';
/** Every IPTV activity that finds its provider gone. */
export const IPTV_PROVIDER_DELETED = 'IptvProviderDeleted';
/** Stored credentials that this key cannot decrypt (another secret key, a hand-edited row). */
export const CREDENTIALS_DECRYPT_ERROR = 'CredentialsDecryptError';

// Notifications.
/** The target refused the request as malformed: sending it again changes nothing. */
export const TARGET_REJECTED = 'TargetRejected';
/** The target is down, slow or busy: a later attempt may get through. */
export const TARGET_UNAVAILABLE = 'TargetUnavailable';
export const NOTIFICATION_SERVICE_DISABLED = 'NotificationServiceDisabled';
export const INVALID_NOTIFY_TITLE_INPUT = 'InvalidNotifyTitleInput';

// Requests: plan, search, download, encode, deliver.
/** The request's row is not (yet) there: retried a few seconds, for a start that races its insert. */
export const REQUEST_MISSING = 'RequestMissing';
export const TITLE_UNKNOWN = 'TitleUnknown';
export const SEASON_FETCH_FAILED = 'SeasonFetchFailed';
export const SEASON_UNAVAILABLE = 'SeasonUnavailable';
export const PROFILE_MISSING = 'ProfileMissing';
export const NO_INDEXERS = 'NoIndexers';
/** Every indexer failed, at least one for a passing reason (down, 5xx, timeout): retried in the step window. */
export const INDEXERS_FAILED = 'IndexersFailed';
/** Every indexer refused the request (401/403, a bad API key): retrying changes nothing, a person must fix it. */
export const INDEXERS_REFUSED = 'IndexersRefused';
/** qBittorrent did not answer (down, restarting, unreachable): retried in the step window. */
export const QBITTORRENT_UNREACHABLE = 'QbittorrentUnreachable';
export const TORRENT_FETCH_FAILED = 'TorrentFetchFailed';
/** A release that will not complete: moves on to the next release. */
export const DOWNLOAD_STALLED = 'DownloadStalled';
export const DOWNLOAD_ERRORED = 'DownloadErrored';
export const SOURCE_MISSING = 'SourceMissing';
export const ENCODE_FAILED = 'EncodeFailed';
export const PATH_REFUSED = 'PathRefused';
export const TARGET_MISSING = 'TargetMissing';
export const DESTINATION_REFUSED = 'DestinationRefused';
/** A delivery target that cannot be reached or written now (rsync daemon down, folder unmounted or read-only): retried. */
export const TARGET_OFFLINE = 'TargetOffline';
/** No space left where a file is written: retried, as space may be freed meanwhile. */
export const DISK_FULL = 'DiskFull';
export const APPROVAL_TIMED_OUT = 'ApprovalTimedOut';
export const NO_RELEASE_LEFT = 'NoReleaseLeft';

/**
 * What a person should read of a failure: the innermost message of its chain (ActivityFailure →
 * ApplicationFailure → …), as the SDK's `rootCause` finds it.
 */
export function rootMessage(error: unknown): string {
  return rootCause(error) ?? String(error);
}
