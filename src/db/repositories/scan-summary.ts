import { sql as dsql } from 'drizzle-orm';
import type { Database } from '../client.js';
import type { ScanRunCounters } from './scan-run-repository.js';

/**
 * A finished scan's counters, computed from what the scan left in the database rather than added up
 * along the way, so a retried activity or a worker killed mid-batch can never count anything twice.
 */
export async function summarizeScan(db: Database, libraryId: string, scanId: string): Promise<ScanRunCounters> {
  const [row] = await db.execute<Record<keyof ScanRunCounters, string>>(dsql`
    select
      (select count(*) from library_folders where library_id = ${libraryId} and present) as "titlesFound",
      (select count(*) from library_folders where library_id = ${libraryId} and present) as "directoriesTotal",
      (select count(*) from library_folders where library_id = ${libraryId} and scanned_scan_id = ${scanId}) as "directoriesScanned",
      (select count(*) from movies where library_id = ${libraryId} and created_scan_id = ${scanId})
        + (select count(*) from shows where library_id = ${libraryId} and created_scan_id = ${scanId}) as "titlesNew",
      (select count(*) from library_folders where library_id = ${libraryId} and scanned_scan_id = ${scanId} and scan_error is null)
        - (select count(*) from movies where library_id = ${libraryId} and created_scan_id = ${scanId})
        - (select count(*) from shows where library_id = ${libraryId} and created_scan_id = ${scanId}) as "titlesUpdated",
      (select count(*) from movies where library_id = ${libraryId} and removed_scan_id = ${scanId})
        + (select count(*) from shows where library_id = ${libraryId} and removed_scan_id = ${scanId}) as "titlesRemoved",
      (select count(*) from cache_files where created_scan_id = ${scanId}) as "assetsCached",
      (select count(*) from scan_issues where scan_id = ${scanId}) as "errors"
  `);
  const counters = {} as ScanRunCounters;
  for (const [key, value] of Object.entries(row!)) counters[key as keyof ScanRunCounters] = Math.max(0, Number(value));
  return counters;
}
