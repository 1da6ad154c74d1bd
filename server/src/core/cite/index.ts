export { applyChanges, eolOf, planCitation, type CitationStyle, type TextChange } from './cite';
export { citationKey, footnoteDefinition, inlineCitation, parentheticalCitation, sourceParts } from './format';
export { sentenceEnd, type SentenceEnd } from './sentence';
