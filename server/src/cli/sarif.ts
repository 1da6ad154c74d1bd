import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { version } from '../../../package.json';
import type { Reported } from './report';

type Level = 'error' | 'warning' | 'note' | 'none';

interface Rule {
  id: string;
  name: string;
  short: string;
  full: string;
  level: Level;
}

// Every code the checker can report, in a fixed order so ruleIndex values are stable across runs.
const RULES: readonly Rule[] = [
  { id: 'wrong-value', name: 'WrongValue', level: 'warning', short: 'A figure contradicts the sources',
    full: 'The figure differs from the value the source articles give for the same matter.' },
  { id: 'wrong-attribution', name: 'WrongAttribution', level: 'warning', short: 'A sourced figure is given to the wrong party',
    full: 'The number appears in the sources, but for another party or occasion (an offer reported as a demand, say).' },
  { id: 'source-erratum', name: 'SourceErratum', level: 'warning', short: 'A figure repeats an error in a source',
    full: 'The figure repeats what a source article printed in evident error; the fact base records the corrected value.' },
  { id: 'disputed', name: 'Disputed', level: 'note', short: 'The sources disagree about this figure',
    full: 'The figure agrees with some source articles while others say something different.' },
  { id: 'unsourced', name: 'Unsourced', level: 'note', short: 'No source covers this figure',
    full: 'No fact in the fact base covers this figure.' },
];

const LEVEL: Record<Reported['verdict'], Level> = { wrong: 'warning', disputed: 'note', unsourced: 'note', ok: 'none' };

/** Stable across runs and unrelated edits elsewhere in the file, so code scanning tracks the same alert. */
function fingerprint(r: Reported, occurrence: number): string {
  return createHash('sha256').update([r.file, r.code, r.figure, r.fact ?? '', String(occurrence)].join('\u0000')).digest('hex').slice(0, 32);
}

/** A SARIF 2.1.0 log of the wrong, disputed and (when asked for) unsourced figures. */
export function formatSarif(all: readonly Reported[], cwd: string): string {
  const seen = new Map<string, number>();
  const results = all.filter((r) => r.verdict !== 'ok').map((r) => {
    let ruleIndex = RULES.findIndex((x) => x.id === r.code);
    if (ruleIndex < 0) ruleIndex = 0;
    const k = [r.file, r.code, r.figure, r.fact].join('\u0000');
    const occurrence = (seen.get(k) ?? 0) + 1;
    seen.set(k, occurrence);
    return {
      ruleId: r.code,
      ruleIndex,
      level: LEVEL[r.verdict],
      message: { text: r.message },
      locations: [{
        physicalLocation: {
          artifactLocation: { uri: encodeURI(r.file), uriBaseId: '%SRCROOT%' },
          region: { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn, snippet: { text: r.figure } },
        },
      }],
      partialFingerprints: { 'factdesk/v1': fingerprint(r, occurrence) },
      properties: { verdict: r.verdict, fact: r.fact, sourced: r.sourced },
    };
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'Fact Desk',
          version,
          semanticVersion: version,
          rules: RULES.map((r) => ({
            id: r.id,
            name: r.name,
            shortDescription: { text: r.short },
            fullDescription: { text: r.full },
            defaultConfiguration: { level: r.level },
            help: { text: `${r.full} Hover the figure in the editor to see the sourced value, the quote and the source.` },
          })),
        },
      },
      originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileURL(cwd).href.replace(/\/?$/, '/')}` } },
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
