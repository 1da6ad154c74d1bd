import {
  CodeActionKind, MarkupKind, TextDocumentSyncKind, type ClientCapabilities, type InitializeResult,
} from 'vscode-languageserver';
import { version } from '../../../package.json';

/** What the server relies on from the client, read once at initialize. */
export interface ClientFeatures {
  /** workspace/configuration: settings per resource; otherwise didChangeConfiguration's payload. */
  configuration: boolean;
  /** didChangeConfiguration can be registered dynamically (VS Code's pull model needs it). */
  configurationRegistration: boolean;
  /** Versioned edits: a fix computed for an older version is refused rather than misapplied. */
  documentChanges: boolean;
  hoverMarkdown: boolean;
  /** Workspace edits may create files ("Mark as checked" creates .factdesk/checked.json). */
  createFiles: boolean;
}

export function clientFeatures(caps: ClientCapabilities | null | undefined): ClientFeatures {
  const formats = caps?.textDocument?.hover?.contentFormat;
  return {
    configuration: caps?.workspace?.configuration === true,
    configurationRegistration: caps?.workspace?.didChangeConfiguration?.dynamicRegistration === true,
    documentChanges: caps?.workspace?.workspaceEdit?.documentChanges === true,
    // LSP: without contentFormat, the client takes Markdown or plain text; Markdown is the norm.
    hoverMarkdown: !Array.isArray(formats) || formats.includes(MarkupKind.Markdown),
    createFiles: caps?.workspace?.workspaceEdit?.resourceOperations?.includes('create') === true,
  };
}

export function initializeResult(): InitializeResult {
  return {
    capabilities: {
      positionEncoding: 'utf-16',
      textDocumentSync: {
        openClose: true,
        change: TextDocumentSyncKind.Incremental,
        save: { includeText: false },
      },
      hoverProvider: true,
      // "[^" in a draft offers the facts' citation keys.
      completionProvider: { triggerCharacters: ['^'] },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite] },
    },
    serverInfo: { name: 'Fact Desk', version },
  };
}
