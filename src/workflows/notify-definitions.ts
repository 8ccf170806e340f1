/**
 * The contract between the title pipelines (which publish a title) and `notifyTitle` (which tells media
 * players and people about it). No runtime imports beyond Temporal's.
 */

export type NotifiedTitleKind = 'movie' | 'show' | 'episode';

export interface NotifyTitleInput {
  libraryId: string;
  titleKind: NotifiedTitleKind;
  /** movies.id, shows.id or episodes.id. */
  titleId: string;
  /** What people read: "Heat (1995)", "Severance S01E02". */
  displayName: string;
  /** The title's folder on this machine, after publish wrote its NFO and artwork. */
  folderPath: string;
  event: 'added' | 'updated' | 'removed';
  /** phase.playerSync as the pipeline read it at its start. */
  playerSync: { notify: boolean; delaySeconds: number; cleanFirst: boolean };
  /**
   * What makes this notification unique, e.g. the pipeline run's id: the same key never notifies twice.
   */
  notificationKey: string;
}

export const notifyTitleWorkflowType = 'notifyTitle';

export const notifyTitleWorkflowId = (input: Pick<NotifyTitleInput, 'titleKind' | 'titleId' | 'notificationKey'>) =>
  `notify/${input.titleKind}/${input.titleId}/${input.notificationKey}`;
