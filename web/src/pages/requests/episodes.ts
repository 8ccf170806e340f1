/** "S01E03, 2x05" → episodes, as POST /api/requests takes them; a part that is neither is returned in `bad`. */
export function parseEpisodes(text: string): { episodes: { season: number; episode: number }[]; bad: string[] } {
  const episodes: { season: number; episode: number }[] = [];
  const bad: string[] = [];
  for (const part of text
    .split(/[,\s]+/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^s(\d+)e(\d+)$/i.exec(part) ?? /^(\d+)x(\d+)$/i.exec(part);
    if (match) episodes.push({ season: Number(match[1]), episode: Number(match[2]) });
    else bad.push(part);
  }
  return { episodes, bad };
}
