// The editor: CodeMirror 6 with JSON syntax, and VS Code's own JSON language service for completions
// and hovers from the per-file schema (`toJSONSchema({ for })`: schema.json with this file's role,
// stage and record ids as enums), so the page offers what VS Code offers with the "$schema" line.
// The findings are the library's, set from outside (`showFindings`), not the language service's.

import {
  autocompletion,
  closeBrackets,
  closeBracketsKeymap,
  completionKeymap,
  snippet,
  type Completion,
  type CompletionContext,
  type CompletionResult,
} from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import { bracketMatching, defaultHighlightStyle, foldGutter, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView, highlightActiveLine, highlightActiveLineGutter, hoverTooltip, keymap, lineNumbers } from '@codemirror/view';
import { getLanguageService, InsertTextFormat, type JSONSchema, type LanguageService, TextDocument } from 'vscode-json-languageservice';
import { toJSONSchema, type ProtocolIssue } from '../../src/index.js';
import { markdownToHtml } from './markdown.js';

const URI = 'file:///protocols/protocol.json';

export interface Editor {
  readonly view: EditorView;
  text(): string;
  setText(text: string): void;
  showFindings(issues: readonly ProtocolIssue[]): void;
  goTo(line: number, column: number): void;
}

/** A language service for one schema; a new one when the file's ids change (the service caches schemas). */
function serviceFor(schema: Record<string, unknown>): LanguageService {
  const text = JSON.stringify(schema);
  // Every schema it asks for, the file's "$schema": "../schema.json" included, is this one: nothing is fetched.
  const ls = getLanguageService({ schemaRequestService: async () => text });
  ls.configure({
    validate: false,
    allowComments: true,
    schemas: [{ uri: 'inmemory://schema.json', fileMatch: ['*'], schema: schema as JSONSchema }],
  });
  return ls;
}

/** The ids the per-file schema depends on, as a key: the schema is rebuilt only when they change. */
function idsKey(value: unknown): string {
  const o = (value !== null && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const ids = (list: unknown): unknown[] =>
    Array.isArray(list) ? list.map((x) => (x !== null && typeof x === 'object' ? (x as { id?: unknown }).id : null)) : [];
  return JSON.stringify([ids(o['roles']), ids(o['stages']), ids(o['records'])]);
}

// The language service writes snippets as VS Code does ($1, ${1:x}, $0); CodeMirror's are ${x} and ${}.
const toSnippet = (s: string): string => s.replace(/\$\{(\d+):([^}]*)\}/g, '${$2}').replace(/\$(\d+)/g, '${}');

export function createEditor(parent: HTMLElement, initial: string, onChange: () => void): Editor {
  let key = '';
  let ls = serviceFor(toJSONSchema());
  let version = 0;
  const documentOf = (state: EditorState): TextDocument => {
    const text = state.doc.toString();
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      value = undefined;
    }
    const next = value === undefined ? key : idsKey(value);
    if (next !== key) {
      key = next;
      ls = serviceFor(toJSONSchema({ for: value }));
    }
    return TextDocument.create(URI, 'json', ++version, text);
  };

  async function complete(context: CompletionContext): Promise<CompletionResult | null> {
    const doc = documentOf(context.state);
    const list = await ls.doComplete(doc, doc.positionAt(context.pos), ls.parseJSONDocument(doc));
    if (!list || list.items.length === 0) return null;
    let from = context.pos;
    const options: Completion[] = list.items.map((item) => {
      const edit = item.textEdit && 'range' in item.textEdit ? item.textEdit : undefined;
      const start = edit ? doc.offsetAt(edit.range.start) : context.pos;
      const end = edit ? doc.offsetAt(edit.range.end) : context.pos;
      from = Math.min(from, start);
      const insert = edit?.newText ?? item.insertText ?? item.label;
      const documentation = typeof item.documentation === 'string' ? item.documentation : (item.documentation?.value ?? '');
      return {
        label: item.filterText ?? item.label,
        displayLabel: item.label,
        ...(item.detail ? { detail: item.detail } : {}),
        ...(documentation ? { info: () => hoverDom(documentation) } : {}),
        apply:
          item.insertTextFormat === InsertTextFormat.Snippet
            ? (view, completion) => snippet(toSnippet(insert))(view, completion, start, end)
            : (view) => view.dispatch({ changes: { from: start, to: end, insert }, selection: { anchor: start + insert.length } }),
      };
    });
    return { from, options, filter: true };
  }

  const hover = hoverTooltip(async (view, pos) => {
    const doc = documentOf(view.state);
    const result = await ls.doHover(doc, doc.positionAt(pos), ls.parseJSONDocument(doc));
    const contents = result?.contents;
    if (!result || !contents) return null;
    const text =
      typeof contents === 'string'
        ? contents
        : Array.isArray(contents)
          ? contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n\n')
          : contents.value;
    if (!text.trim()) return null;
    const from = result.range ? doc.offsetAt(result.range.start) : pos;
    const to = result.range ? doc.offsetAt(result.range.end) : pos;
    return { pos: from, end: to, above: true, create: () => ({ dom: hoverDom(text) }) };
  });

  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: initial,
      extensions: [
        lineNumbers(),
        foldGutter(),
        lintGutter(),
        highlightActiveLineGutter(),
        highlightActiveLine(),
        history(),
        indentOnInput(),
        bracketMatching(),
        closeBrackets(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        json(),
        autocompletion({ override: [complete], activateOnTyping: true }),
        hover,
        // Tab indents; Escape then Tab moves focus on (CodeMirror's own escape from the tab trap).
        keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...completionKeymap, indentWithTab]),
        EditorView.contentAttributes.of({ 'aria-label': 'Protocol file (JSON)' }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange();
        }),
      ],
    }),
  });

  const positionOf = (line: number, column: number): number => {
    const l = view.state.doc.line(Math.min(Math.max(line, 1), view.state.doc.lines));
    return Math.min(l.from + Math.max(column - 1, 0), l.to);
  };

  return {
    view,
    text: () => view.state.doc.toString(),
    setText(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, selection: { anchor: 0 } });
    },
    showFindings(issues) {
      const diagnostics: Diagnostic[] = issues.map((issue) => {
        const from = positionOf(issue.line ?? 1, issue.column ?? 1);
        const line = view.state.doc.lineAt(from);
        // To the end of the word or token the finding points at, so the squiggle is visible.
        const word = /^("(?:[^"\\]|\\.)*"|[\w.-]+)/.exec(view.state.doc.sliceString(from, line.to))?.[0].length ?? 1;
        return {
          from,
          to: Math.min(from + Math.max(word, 1), line.to),
          severity: issue.accepted ? 'info' : issue.severity,
          source: issue.code,
          message: `${issue.message}${issue.accepted ? ` Accepted: ${issue.accepted}` : ''}`,
        };
      });
      view.dispatch(setDiagnostics(view.state, diagnostics));
    },
    goTo(line, column) {
      const at = positionOf(line, column);
      view.dispatch({ selection: { anchor: at }, effects: EditorView.scrollIntoView(at, { y: 'center' }) });
      view.focus();
    },
  };
}

function hoverDom(markdown: string): HTMLElement {
  const dom = document.createElement('div');
  dom.className = 'hover';
  dom.innerHTML = markdownToHtml(markdown);
  return dom;
}
