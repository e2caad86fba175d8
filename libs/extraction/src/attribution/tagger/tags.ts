// The tag set of the attribution tagger: PolNeAR's three roles, Source and Cue as BIO spans, Content
// as one inside tag (a content runs over whole clauses and sentences; its edges are not needed).
export const TAGS = ['O', 'B-SRC', 'I-SRC', 'B-CUE', 'I-CUE', 'CON'] as const;
export type Tag = (typeof TAGS)[number];
export const O = 0;
export const B_SRC = 1;
export const I_SRC = 2;
export const B_CUE = 3;
export const I_CUE = 4;
export const CON = 5;
export const TAG_COUNT = TAGS.length;
