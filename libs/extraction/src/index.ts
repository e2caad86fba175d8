// Public surface of @claimdesk/extraction. Pure TypeScript: the only I/O is loading the bundled
// weights and topic JSON at module load (and loadTopicLexicon, when a caller asks for it).
export type {
  UnitKind,
  TextUnit,
  ScoreFeature,
  ExtractedEntities,
  ExtractedClaim,
  ExtractionInput,
  ExtractionOptions,
  ExtractionResult,
  TopicLexicon,
} from './types';
export { extractClaims, scoreSentence, DEFAULT_CHECKWORTHY_THRESHOLD, MODEL_VERSION } from './extract';
export type { SentenceContext } from './scoring/features';
export { splitPlainText } from './segment/plain-text';
export { firstSentence } from './segment/first-sentence';
export { DEFAULT_TOPIC_LEXICON, loadTopicLexicon, parseTopicLexicon } from './topics/topics';
export { BUNDLED_MODEL, type CheckworthinessModel } from './scoring/model';
export { prf, averagePrecision, bestF1Threshold, smoothedF1Threshold, parseLabelledTsv, type Prf, type LabelledSentence } from './eval/metrics';
export { trainModel, predictAll, DEFAULT_TRAIN_OPTIONS, FIXED_PRIORS, type TrainOptions } from './scoring/train';
export { evaluateArticle, type ArticleEvaluation, type GoldArticle } from './eval/article-eval';
export { normalizeMatchText, splitCamelCase, type MatchText } from './matching/normalize-match-text';
export { matchFeatures, prepareQuery, MATCH_FEATURES, type LexemeStats, type MatchFeatureName, type MatchFeatureVector, type MatchQueryInput, type MatchCandidateInput, type PreparedQuery } from './matching/match-features';
export { BUNDLED_MATCHER_MODEL, matchScore, matchReasons, type MatcherModel } from './matching/matcher-model';
export { trainMatcher, rankingMetrics, DEFAULT_MATCHER_TRAIN_OPTIONS, type TrainingQuery, type MatcherTrainOptions } from './matching/train-matcher';
