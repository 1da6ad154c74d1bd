import * as vscode from 'vscode';

export const SECTION = 'factdesk';
export const DEFAULT_LANGUAGES = ['markdown', 'plaintext', 'news-draft'];

/** Files a workspace check looks at, per language id Fact Desk knows the extensions of. */
export const EXTENSIONS: Record<string, string[]> = {
  markdown: ['md', 'markdown'],
  plaintext: ['txt'],
  'news-draft': ['draft'],
};

function languagesOf(config: vscode.WorkspaceConfiguration): string[] {
  const value = config.get<unknown>('languages');
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : DEFAULT_LANGUAGES;
}

/** The settings the client itself needs, read for one resource (folder settings apply). */
export function clientSettings(scope?: vscode.ConfigurationScope) {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  const kb = config.get<number>('maxFileSizeKB');
  return {
    enable: config.get<boolean>('enable', true) !== false,
    languages: languagesOf(config),
    maxFileSizeKB: typeof kb === 'number' && kb > 0 ? kb : 1024,
  };
}

/**
 * Every language any folder (or the window) asks Fact Desk to check: the client's document
 * selector. The server still applies each resource's own list.
 */
export function selectorLanguages(): string[] {
  const all = new Set(languagesOf(vscode.workspace.getConfiguration(SECTION)));
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    for (const l of languagesOf(vscode.workspace.getConfiguration(SECTION, folder.uri))) all.add(l);
  }
  return [...all].sort();
}

/** Whether Fact Desk checks this document (language, scheme and the enable switch). */
export function isDraft(doc: vscode.TextDocument): boolean {
  if (doc.uri.scheme !== 'file' && doc.uri.scheme !== 'untitled') return false;
  const s = clientSettings(doc);
  return s.enable && s.languages.includes(doc.languageId);
}
