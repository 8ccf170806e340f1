import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { deliveryFailure } from '../../../src/activities/deliver.js';
import { DestinationRefusedError, LocalDestination } from '../../../src/media/deliver.js';
import { RsyncFailedError } from '../../../src/media/rsync-destination.js';
import { DESTINATION_REFUSED, DISK_FULL, TARGET_OFFLINE } from '../../../src/contracts/failures.js';
import { tempDir } from '../../support/temp-dir.js';

const target = { description: 'local folder /srv/media' };

/** An error as Node's fs gives it: a message and an errno code. */
function fsError(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}

describe('deliveryFailure: the type a failed delivery gets, which decides whether it is retried', () => {
  it.each([
    ['ENOSPC', DISK_FULL, /^local folder \/srv\/media is full: ENOSPC/],
    ['EROFS', TARGET_OFFLINE, /^local folder \/srv\/media is offline or not writable: EROFS/],
    ['EACCES', TARGET_OFFLINE, /offline or not writable/],
    ['ENOTCONN', TARGET_OFFLINE, /offline or not writable/],
  ])('%s is a passing fault: %s, retried', (code, type, message) => {
    const failure = deliveryFailure(target, fsError(code, 'write'));
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type, nonRetryable: false, message: expect.stringMatching(message) });
  });

  it('an rsync daemon that does not answer is offline (retried); one that refuses the module is final', () => {
    expect(deliveryFailure(target, new RsyncFailedError('rsync://nas/media/x.mkv', 10, 'Connection refused'))).toMatchObject({
      type: TARGET_OFFLINE,
      nonRetryable: false,
    });
    expect(deliveryFailure(target, new RsyncFailedError('rsync://nas/nosuch/x.mkv', 5, "Unknown module 'nosuch'"))).toMatchObject({
      type: DESTINATION_REFUSED,
      nonRetryable: true,
    });
  });

  it('a target path that is a file, or a refused path, is final', async () => {
    const file = path.join(tempDir('reelflow-target-'), 'movies');
    writeFileSync(file, 'a file where the folder should be');
    const source = path.join(tempDir('reelflow-source-'), 'encoded.mkv');
    writeFileSync(source, 'video');
    const destination = new LocalDestination(file);
    const error = await destination.put(source, 'Heat (1995)/Heat (1995).mkv').catch((e: unknown) => e);
    expect(deliveryFailure(destination, error)).toMatchObject({ type: DESTINATION_REFUSED, nonRetryable: true });
    expect(deliveryFailure(target, new DestinationRefusedError('../x would land outside /srv/media'))).toMatchObject({
      type: DESTINATION_REFUSED,
      nonRetryable: true,
    });
  });

  it('anything else is left as it is: retried as Temporal retries any error', () => {
    const error = new Error('something unforeseen');
    expect(deliveryFailure(target, error)).toBe(error);
  });
});
