// "Search terms": a QuickPick over every concept (fuzzy, both languages,
// variants, definitions, pinyin). Choosing one inserts its canonical form in
// the language written around the cursor.
import * as vscode from 'vscode';
import type { Concept } from '../core/types';
import { canonicalFor } from '../core/termbase';
import { adaptiveDebounce } from './logic/adaptiveDebounce';
import { languageAround } from './logic/language';
import { searchItem, type TermSearchIndex } from './logic/searchIndex';

/** A search this slow makes the QuickPick wait for a pause in typing (ms). */
const SLOW_SEARCH_MS = 50;
const TYPING_PAUSE_MS = 150;

interface ConceptPick extends vscode.QuickPickItem {
  concept: Concept;
}

export function searchResults(index: TermSearchIndex, query: string): Array<{ conceptId: string; label: string; description?: string }> {
  return index.search(query).map((hit) => {
    const { conceptId, label, description } = searchItem(hit.concept);
    return description === undefined ? { conceptId, label } : { conceptId, label, description };
  });
}

/** Inserts the concept's canonical form at every selection, Chinese or English by the text around each. */
export async function insertCanonical(editor: vscode.TextEditor, concept: Concept): Promise<boolean> {
  const text = editor.document.getText();
  return editor.edit((builder) => {
    for (const selection of editor.selections) {
      const lang = languageAround(text, editor.document.offsetAt(selection.start), vscode.env.language.startsWith('zh') ? 'zh' : 'en');
      builder.replace(selection, canonicalFor(concept, lang));
    }
  });
}

export function registerSearch(context: vscode.ExtensionContext, getIndex: () => TermSearchIndex, showEntry: (concept: Concept) => void): void {
  const entryButton: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('book'), tooltip: vscode.l10n.t('Show entry') };
  context.subscriptions.push(
    vscode.commands.registerCommand('carbonLexicon.searchTerms', async (initialQuery?: unknown) => {
      const editor = vscode.window.activeTextEditor;
      const pick = vscode.window.createQuickPick<ConceptPick>();
      pick.placeholder = vscode.l10n.t('Search terms: Chinese, English, pinyin (tandafeng, tdf), definitions');
      pick.matchOnDescription = false;
      pick.matchOnDetail = false;
      const update = () => {
        pick.items = getIndex().search(pick.value).map((hit) => {
          const item = searchItem(hit.concept);
          // Our own ranking decides; alwaysShow keeps VS Code's label filter from hiding pinyin hits.
          return { label: item.label, description: item.description, detail: item.detail, concept: hit.concept, alwaysShow: true, buttons: [entryButton] };
        });
      };
      if (typeof initialQuery === 'string') pick.value = initialQuery;
      update();
      // Immediate over the bundled terms (a few ms); over a very large glossary, where one
      // search can take most of a second, only when typing pauses.
      const updates = adaptiveDebounce(update, { slowMs: SLOW_SEARCH_MS, pauseMs: TYPING_PAUSE_MS, onWaiting: (waiting) => (pick.busy = waiting) });
      pick.onDidChangeValue(() => updates.request());
      pick.onDidTriggerItemButton((event) => showEntry(event.item.concept));
      const chosen = await new Promise<ConceptPick | undefined>((resolve) => {
        pick.onDidAccept(() => resolve(pick.selectedItems[0]));
        pick.onDidHide(() => resolve(undefined));
        pick.show();
      });
      updates.dispose();
      pick.dispose();
      if (!chosen) return;
      if (editor && !editor.document.isClosed) {
        await insertCanonical(editor, chosen.concept);
      } else {
        await vscode.env.clipboard.writeText(chosen.concept.zh);
        void vscode.window.showInformationMessage(vscode.l10n.t('No editor is open: copied “{0}” to the clipboard.', chosen.concept.zh));
      }
    }),
  );
}
