/** A Kodi movie NFO as Kodi itself writes one, with the fields the scan reads and stores. */
export interface SyntheticMovie {
  title: string;
  year: number;
  tmdbId: number;
  plot: string;
  actors: readonly { name: string; role: string }[];
}

export function movieNfoXml(movie: SyntheticMovie): string {
  const actors = movie.actors
    .map(
      (actor, order) =>
        `  <actor>\n    <name>${xml(actor.name)}</name>\n    <role>${xml(actor.role)}</role>\n    <order>${order}</order>\n  </actor>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<movie>
  <title>${xml(movie.title)}</title>
  <originaltitle>${xml(movie.title)}</originaltitle>
  <year>${movie.year}</year>
  <plot>${xml(movie.plot)}</plot>
  <uniqueid type="tmdb" default="true">${movie.tmdbId}</uniqueid>
  <genre>Drama</genre>
${actors}
</movie>
`;
}

/** The same NFO text with another plot: how a changed title looks to the scan. */
export function withPlot(nfoXml: string, plot: string): string {
  return nfoXml.replace(/<plot>[\s\S]*?<\/plot>/, `<plot>${xml(plot)}</plot>`);
}

function xml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}
