// The bundled attribution tagger (weights in ../../model/attribution-tagger.v1.json, fitted on PolNeAR
// train by `npm run train:attribution`; its provenance says how): tags every sentence of an article
// and reads each one's frame from the tags.
import bundled from '../../model/attribution-tagger.v1.json';
import { sentenceViews } from './sentences';
import { frameFromTags, type TaggedFrame } from './frame';
import { loadWeights, tagSentence, TokenScorer, type TaggerWeightsFile } from './perceptron';

export const TAGGER_FILE = bundled as unknown as TaggerWeightsFile;
const SCORER = new TokenScorer(loadWeights(TAGGER_FILE));

/**
 * One frame per sentence (normalised sentences, in article order); null for the sentences `skip`
 * marks (the rules framed them already: tagging them would cost time for nothing).
 */
export function tagArticle(sentences: string[], skip?: (i: number) => boolean, scorer: TokenScorer = SCORER): Array<TaggedFrame | null> {
  const views = sentenceViews(sentences);
  return views.map((v, i) => (skip?.(i) ? null : frameFromTags(sentences[i], v.tokens, tagSentence(scorer, v))));
}
