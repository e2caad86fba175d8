import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { parseBrat, type AnnotatedAttribution } from '../../libs/extraction/src/eval/brat';

export interface PolnearArticle {
  name: string;
  /** The article file as stored: headline line, blank line, body. */
  raw: string;
  /** Its annotation files' attributions, in file-name order (some articles were annotated twice). */
  annotations: AnnotatedAttribution[][];
}

/** Every article of a PolNeAR split folder (text/ and attributions/) that has an annotation file. */
export function readPolnear(dir: string): PolnearArticle[] {
  const anns = readdirSync(join(dir, 'attributions')).filter((f) => f.endsWith('.ann')).sort();
  const out: PolnearArticle[] = [];
  for (const file of readdirSync(join(dir, 'text')).filter((f) => f.endsWith('.txt')).sort()) {
    const name = file.replace(/\.txt$/, '');
    const own = anns.filter((f) => f.startsWith(`${name}_`) && /^[0-9a-f]+$/.test(f.slice(name.length + 1, -4)));
    if (own.length === 0) continue;
    out.push({
      name,
      raw: readFileSync(join(dir, 'text', file), 'utf8'),
      annotations: own.map((f) => parseBrat(readFileSync(join(dir, 'attributions', f), 'utf8'))),
    });
  }
  return out;
}
