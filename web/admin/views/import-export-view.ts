/**
 * Import a folder of Markdown articles (front matter optional; a folder named like a language gives the language,
 * so `help/de/shipping.md` is German) or one FAQ file (JSON or CSV); an import with any problem imports nothing,
 * and every problem is listed as `file:line: message`. Export downloads the whole knowledge base as JSON, or its
 * Markdown files (as a JSON list of `{path, content}`; no zip library is bundled).
 */
import { ApiError } from '../api-client';
import { button, field, h, replaceChildren, select, whileBusy } from '../dom';
import { explainError } from '../error-messages';
import { exportFileName, languageName, PLATFORM_LANGUAGES } from '../format';
import { describeMarkdownFiles, faqFormatOf, formatIssue, importRequest, isMarkdownArticle, type ImportFormat, type PickedFile } from '../import-plan';
import { canEdit } from '../session';
import { screenHeading, type View, type ViewContext } from '../view-context';

/** Starts a download of `text` as a file, without a round trip (the export needs the Authorization header). */
function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = h('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The path a picked file is sent under: its path inside the chosen folder's parent, or its name. */
function pickedName(file: File): string {
  return file.webkitRelativePath || file.name;
}

function importSection(ctx: ViewContext): HTMLElement {
  const kindMarkdown = h('input', { type: 'radio', name: 'import-kind', value: 'markdown', checked: true, id: 'import-kind-markdown' });
  const kindFaq = h('input', { type: 'radio', name: 'import-kind', value: 'faq', id: 'import-kind-faq' });
  const kinds = h(
    'fieldset',
    { class: 'choices' },
    h('legend', {}, 'What to import'),
    h('div', {}, kindMarkdown, h('label', { for: kindMarkdown.id }, 'A folder of Markdown articles (.md)')),
    h('div', {}, kindFaq, h('label', { for: kindFaq.id }, 'One FAQ file (.json or .csv)')),
  );
  const folderInput = h('input', { type: 'file', multiple: true, webkitdirectory: true, 'data-testid': 'folder-input' });
  const faqInput = h('input', { type: 'file', accept: '.json,.csv,application/json,text/csv', 'data-testid': 'faq-input' });
  const folderField = field('Folder', folderInput, 'Sub-folders named like a language (en, de, zh…) give the language of the files in them.');
  const faqField = field('FAQ file', faqInput, 'JSON: {"questions": [{"question": "…", "answer": "…", "id": optional}]}. CSV: columns question, answer and optionally id (a header row is optional).');
  faqField.element.hidden = true;
  const languageSelect = select(
    PLATFORM_LANGUAGES.map((code) => [code, languageName(code, ctx.locale)] as const),
    PLATFORM_LANGUAGES.includes(ctx.session.defaultLanguage as (typeof PLATFORM_LANGUAGES)[number]) ? ctx.session.defaultLanguage : 'en',
    { 'data-testid': 'import-language' },
  );
  const category = h('input', { type: 'text', value: 'faq', maxlength: 64, 'data-testid': 'import-category' });
  const publish = h('input', { type: 'checkbox', checked: true, id: 'import-publish', 'data-testid': 'import-publish' });
  const summary = h('p', { class: 'hint', 'aria-live': 'polite', 'data-testid': 'import-summary' }, 'No files chosen.');
  const submit = h('button', { type: 'submit', class: 'primary', 'data-testid': 'import-button' }, 'Import');
  const result = h('div', { 'data-testid': 'import-result' });

  const kind = (): 'markdown' | 'faq' => (kindFaq.checked ? 'faq' : 'markdown');
  const markdownFiles = (): File[] => [...(folderInput.files ?? [])].filter((file) => isMarkdownArticle(pickedName(file)));
  const refresh = (): void => {
    folderField.element.hidden = kind() !== 'markdown';
    faqField.element.hidden = kind() !== 'faq';
    if (kind() === 'markdown') {
      summary.textContent = folderInput.files?.length ? describeMarkdownFiles(markdownFiles().map(pickedName), languageSelect.value) : 'No folder chosen.';
    } else {
      const file = faqInput.files?.[0];
      summary.textContent = !file ? 'No file chosen.' : faqFormatOf(file.name) ? `${file.name} (${Math.ceil(file.size / 1024)} KiB)` : `${file.name} is neither .json nor .csv.`;
    }
  };
  for (const control of [kindMarkdown, kindFaq, folderInput, faqInput, languageSelect]) control.addEventListener('change', refresh);

  const form = h(
    'form',
    { class: 'stack', 'aria-labelledby': 'import-title' },
    h('h2', { id: 'import-title' }, 'Import'),
    kinds,
    folderField.element,
    faqField.element,
    summary,
    h('div', { class: 'field-row' }, field('Language of files that do not say theirs', languageSelect).element, field('Category of articles that do not say theirs', category).element),
    h('div', { class: 'checkbox' }, publish, h('label', { for: publish.id }, 'Publish the imported articles at once')),
    submit,
    result,
  );

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    replaceChildren(result);
    let format: ImportFormat;
    let files: File[];
    if (kind() === 'markdown') {
      format = 'markdown';
      files = markdownFiles();
    } else {
      const file = faqInput.files?.[0];
      const faqFormat = file ? faqFormatOf(file.name) : undefined;
      if (!file || !faqFormat) {
        replaceChildren(result, h('p', { class: 'field-error', role: 'alert' }, 'Choose a .json or .csv FAQ file.'));
        return;
      }
      format = faqFormat;
      files = [file];
    }
    if (!files.length) {
      replaceChildren(result, h('p', { class: 'field-error', role: 'alert' }, 'Choose a folder that contains Markdown (.md) files.'));
      return;
    }
    void whileBusy(submit, async () => {
      try {
        const picked: PickedFile[] = await Promise.all(files.map(async (file) => ({ name: pickedName(file), content: await file.text() })));
        const request = importRequest(format, picked, { language: languageSelect.value, category: category.value, publish: publish.checked });
        const done = await ctx.api.importFiles(request);
        const message = `Imported ${done.articles} article${done.articles === 1 ? '' : 's'} (${done.versions} language version${done.versions === 1 ? '' : 's'})${publish.checked ? ', published' : ' as drafts'}.`;
        replaceChildren(result, h('p', { class: 'success', 'data-testid': 'import-success' }, message));
        ctx.notices.status(message);
      } catch (error) {
        if (error instanceof ApiError && error.status === 422 && error.issues.length) {
          replaceChildren(
            result,
            h(
              'div',
              { role: 'alert', class: 'import-issues' },
              h('p', { class: 'notice-headline' }, `Nothing was imported: ${error.issues.length} problem${error.issues.length === 1 ? '' : 's'} to fix first.`),
              h('ul', { 'data-testid': 'import-issues' }, ...error.issues.map((issue) => h('li', {}, h('code', {}, formatIssue(issue))))),
            ),
          );
          return;
        }
        if (error instanceof ApiError && error.status === 413) {
          replaceChildren(
            result,
            h('p', { role: 'alert', class: 'field-error' }, 'These files are larger than the server accepts in one import (KNOWLEDGE_IMPORT_LIMIT, 20mb by default). Import a few sub-folders at a time, or ask your administrator to raise the limit.'),
          );
          return;
        }
        replaceChildren(result, h('p', { role: 'alert', class: 'field-error' }, explainError(error, ctx.session.role).headline));
        ctx.fail(error, 'Importing');
      }
    });
  });
  return form;
}

function exportSection(ctx: ViewContext): HTMLElement {
  const exportAs = (kind: 'json' | 'markdown'): HTMLButtonElement => {
    const control = button(kind === 'json' ? 'Download as JSON' : 'Download Markdown files (JSON list)', () =>
      void whileBusy(control, async () => {
        try {
          const data = kind === 'json' ? await ctx.api.exportJson() : await ctx.api.exportMarkdown();
          download(exportFileName(kind, new Date()), JSON.stringify(data, null, 2));
          ctx.notices.status('Export downloaded.');
        } catch (error) {
          ctx.fail(error, 'Exporting');
        }
      }),
      { 'data-testid': `export-${kind}` },
    );
    return control;
  };
  return h(
    'section',
    { class: 'stack', 'aria-labelledby': 'export-title' },
    h('h2', { id: 'export-title' }, 'Export'),
    h('p', {}, 'Every article and language version with its latest text and status. The Markdown export has one file per version with front matter, the format the import reads.'),
    h('div', { class: 'form-actions' }, exportAs('json'), exportAs('markdown')),
  );
}

/** Builds the import and export screen. */
export function importExportView(ctx: ViewContext): View {
  const title = 'Import and export';
  const importPart = canEdit(ctx.session)
    ? importSection(ctx)
    : h('section', {}, h('h2', {}, 'Import'), h('p', { class: 'read-only-note' }, 'Importing needs an admin token; your token has the agent role.'));
  const element = h('section', { class: 'screen import-export' }, screenHeading(title), importPart, exportSection(ctx));
  return { element, title };
}
