import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Distinct articles for load: paragraphs of the real news corpus (and the sample article),
 * recombined per index so every article has its own content hash.
 */
export function articleGenerator(repoRoot: string): (index: number) => { title: string; body: string } {
  const dirs = [
    path.join(repoRoot, '../shared/corpus/news'),
    path.join(repoRoot, '../shared/fixtures/articles'),
    path.join(repoRoot, 'test/fixtures/articles'),
  ];
  const paragraphs: string[] = [];
  for (const dir of dirs) {
    let files: string[] = [];
    try {
      files = readdirSync(dir).filter((f) => f.endsWith('.txt'));
    } catch {
      continue;
    }
    for (const file of files) {
      const body = readFileSync(path.join(dir, file), 'utf8').split('\n').slice(1).join('\n');
      paragraphs.push(...body.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p.length > 80));
    }
  }
  if (paragraphs.length === 0) {
    paragraphs.push('The city council approved a budget of 4.2 million dollars on Monday, the mayor said.');
  }
  return (index) => {
    const picked = [0, 1, 2, 3].map((k) => paragraphs[(index * 7 + k * 13) % paragraphs.length]);
    return { title: `Chaos article ${index}`, body: `${picked.join('\n\n')}\n\n(Reference ${index}.)` };
  };
}
