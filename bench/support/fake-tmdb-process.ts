import { startFakeTmdb } from '../../test/fakes/tmdb.js';

/**
 * The TMDB fake in a process of its own (see startFakeTmdbProcess): it sends its base URL once listening,
 * answers { from } with the requests recorded since that index, and stops when its parent goes.
 */
const tmdb = await startFakeTmdb();
process.on('message', (message: { id: number; from: number }) => {
  const requests = tmdb.requests.slice(message.from).map(({ path, receivedAt }) => ({ path, receivedAt }));
  process.send!({ id: message.id, requests });
});
process.once('disconnect', () => void tmdb.close().then(() => process.exit(0)));
process.send!({ baseUrl: tmdb.baseUrl });
