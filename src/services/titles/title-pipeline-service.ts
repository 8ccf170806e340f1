import type { Database } from '../../db/client.js';
import { IdentificationCandidateRepository } from '../../db/repositories/identification-candidate-repository.js';
import { ProviderAssetRepository, type ArtworkChoice } from '../../db/repositories/provider-asset-repository.js';
import { TitleRepository, type TitleIds, type TitleKind, type TitleRow } from '../../db/repositories/title-repository.js';
import { TitleIdentification } from '../../library/enrich/title-identification.js';
import type { EnsuredPipeline, TitlePipelineStarter } from '../../library/temporal-title-pipeline-starter.js';
import { NotFoundError } from '../service-errors.js';
import { CACHE_ENTITY_TYPE, TITLE_NOUN as NOUN } from './title-kinds.js';

/** A person's hand in a title's pipeline: run it now, identify the title, choose its artwork. */
export class TitlePipelineService {
  private readonly titles: TitleRepository;
  private readonly candidates: IdentificationCandidateRepository;
  private readonly identification: TitleIdentification;
  private readonly providerAssets: ProviderAssetRepository;

  constructor(
    db: Database,
    private readonly pipelines: TitlePipelineStarter,
  ) {
    this.titles = new TitleRepository(db);
    this.candidates = new IdentificationCandidateRepository(db);
    this.identification = new TitleIdentification(db);
    this.providerAssets = new ProviderAssetRepository(db);
  }

  /** Runs the pipeline now; with replaceUnreadableNfo a person's permission is a change a pass must see. */
  async refresh(kind: TitleKind, id: string, options: { replaceUnreadableNfo?: boolean } = {}): Promise<EnsuredPipeline> {
    const title = await this.require(kind, id);
    const request = { kind, titleId: title.id, priority: 'user' as const, reason: 'api refresh' };
    if (options.replaceUnreadableNfo === true) {
      // The permission is saved with its change number: what remains is to start the pass that publishes it.
      await this.titles.allowReplacingUnreadableNfo(kind, title.id);
      return this.pipelines.ensure(request);
    }
    return this.pipelines.refresh(request);
  }

  /** What the last identification search offered, and why none was accepted. */
  async candidatesOf(kind: TitleKind, id: string) {
    const title = await this.require(kind, id);
    const row = await this.candidates.find(title.id);
    return {
      identificationStatus: title.identificationStatus,
      reason: row?.reason ?? null,
      searchedAt: row ? row.searchedAt.toISOString() : null,
      candidates: row?.candidates ?? [],
    };
  }

  /** A person's identification (kept by later scans), then the pipeline runs with it. */
  async identify(kind: TitleKind, id: string, ids: TitleIds): Promise<EnsuredPipeline> {
    const title = await this.require(kind, id);
    // Saved with its change number (TitleRepository.setIdentification): a start that never happens is
    // made by the next look at the title, never lost.
    await this.identification.accept(kind, title.id, ids, 'manual');
    return this.pipelines.ensure({ kind, titleId: title.id, priority: 'user', reason: 'identified by a person' });
  }

  /** Selects or rejects one artwork candidate (kept by later enrichment runs), or clears the choice. */
  async chooseArtwork(kind: TitleKind, id: string, assetId: string, choice: ArtworkChoice) {
    const title = await this.require(kind, id);
    const row = await this.providerAssets.setPersonChoice(assetId, CACHE_ENTITY_TYPE[kind], title.id, choice);
    if (!row) throw new NotFoundError(`Provider asset ${assetId} of this ${NOUN[kind]}`);
    return {
      id: row.id,
      assetType: row.assetType,
      url: row.providerUrl,
      isSelected: row.isSelected,
      isRejected: row.isRejected,
      selectedBy: row.selectedBy,
    };
  }

  private async require(kind: TitleKind, id: string): Promise<TitleRow> {
    const row = await this.titles.find(kind, id);
    if (!row) throw new NotFoundError(NOUN[kind]);
    return row;
  }
}
