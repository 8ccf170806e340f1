import { beforeAll, describe, expect, it } from 'vitest';
import { LibraryRepository } from '../../src/db/repositories/library-repository.js';
import { TitleRepository } from '../../src/db/repositories/title-repository.js';
import { TitleService } from '../../src/services/titles/title-service.js';
import { createTestDatabase, type TestDatabase } from '../support/integration.js';
import { insertMovie } from '../support/title-rows.js';

let database: TestDatabase;
let movieId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const library = await new LibraryRepository(database.db).create({ name: 'Films', kind: 'movie', rootPath: '/media/films' });
  movieId = (await insertMovie(database.db, library.id, 'The Matrix', 603)).id;
});

describe('a provider write racing a person’s edit', () => {
  it('keeps the fields a person locked after the provider answer was read, and writes the others', async () => {
    const titles = new TitleRepository(database.db);
    // Enrichment read the row (nothing locked yet) and asked TMDB; meanwhile a person edits the plot.
    await new TitleService(database.db).edit('movie', movieId, { plot: 'My own words.' });
    await titles.updateColumnsUnlessLocked('movie', movieId, {
      plot: 'Set in the 22nd century…',
      tagline: 'Welcome to the Real World.',
      genres: ['Action', 'Science Fiction'],
      runtime: 136,
    });
    const row = (await titles.find('movie', movieId))!;
    expect(row.plot).toBe('My own words.');
    expect(row.plotLocked).toBe(true);
    expect(row).toMatchObject({ tagline: 'Welcome to the Real World.', genres: ['Action', 'Science Fiction'], runtime: 136 });
  });

  it('writes a locked list field’s neighbours and leaves the locked list as the person set it', async () => {
    const titles = new TitleRepository(database.db);
    await new TitleService(database.db).edit('movie', movieId, { genres: ['Cyberpunk'] });
    await titles.updateColumnsUnlessLocked('movie', movieId, { genres: ['Action'], year: 1999 });
    const row = (await titles.find('movie', movieId))!;
    expect(row.genres).toEqual(['Cyberpunk']);
    expect(row.year).toBe(1999);
  });
});
