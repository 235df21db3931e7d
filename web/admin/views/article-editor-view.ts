/**
 * Edits one language version of an article: save (a new revision, based on the revision the edit started from),
 * publish, archive. A save on top of someone else's newer revision is refused by the API (409); the editor then
 * says so, keeps the admin's text, and offers to load the other version. Nothing is ever overwritten silently.
 *
 * A language the article does not have yet opens as a new translation, prefilled with the source text.
 */
import { isAbort } from '../api-client';
import type { Article, ArticleVersion } from '../api-types';
import { button, h, replaceChildren, whileBusy } from '../dom';
import { draftFromVersion, draftsDiffer, isDirty, saveRequest, validateDraft, type EditorDraft } from '../editor-state';
import { explainError, isEditConflict } from '../error-messages';
import { formatDateTime, languageName, versionBadges } from '../format';
import { routeHash } from '../routes';
import { canEdit } from '../session';
import { routeLink, screenHeading, type View, type ViewContext } from '../view-context';
import { articleHeader } from './article-header';
import { versionForm, type VersionForm } from './version-form';

/** Builds the editor screen for `slug` in `language` (the source language when absent). */
export function articleEditorView(ctx: ViewContext, slug: string, requestedLanguage: string | undefined): View {
  const title = `Article ${slug}`;
  const heading = screenHeading(title);
  const body = h('div', { class: 'editor-body' }, h('p', { role: 'status' }, 'Loading…'));
  const element = h('section', { class: 'screen article-editor' }, heading, body);
  let editor: Editor | undefined;

  void ctx.api
    .getArticle(slug)
    .then((article) => {
      editor = new Editor(ctx, article, requestedLanguage ?? article.sourceLanguage, heading);
      replaceChildren(body, editor.element);
    })
    .catch((error: unknown) => {
      if (isAbort(error)) return;
      replaceChildren(body, h('p', {}, explainError(error, ctx.session.role).headline), routeLink('#/articles', 'Back to the articles'));
      ctx.fail(error, 'Loading the article');
    });

  return { element, title, hasUnsavedChanges: () => editor?.dirty() ?? false };
}

/** The loaded editor. */
class Editor {
  readonly element: HTMLElement;
  private readonly editable: boolean;
  private readonly form: VersionForm;
  private readonly header = h('div');
  private readonly state = h('p', { class: 'version-state', 'data-testid': 'version-state' });
  private readonly conflict = h('div', { class: 'conflict', role: 'alert', 'data-testid': 'conflict', hidden: true });
  private readonly actions: HTMLFieldSetElement;
  private readonly saveButton: HTMLButtonElement;
  private readonly publishButton: HTMLButtonElement;
  private readonly archiveButton: HTMLButtonElement;
  private version: ArticleVersion | undefined;

  constructor(
    private readonly ctx: ViewContext,
    private article: Article,
    private readonly language: string,
    private readonly heading: HTMLHeadingElement,
  ) {
    this.editable = canEdit(ctx.session);
    this.version = article.versions.find((v) => v.language === language);
    heading.textContent = this.version ? this.version.title : `${article.slug}: new ${languageName(language, ctx.locale)} version`;
    this.form = versionForm({ api: ctx.api, signal: ctx.signal, language, readOnly: !this.editable, onInput: () => this.refreshButtons() });

    this.saveButton = button('Save draft', () => void this.save(false), { 'data-testid': 'save-button' });
    this.publishButton = button('Publish', () => void this.publish(), { class: 'primary', 'data-testid': 'publish-button' });
    this.archiveButton = button('Archive', () => void this.archive(), { 'data-testid': 'archive-button' });
    this.actions = h(
      'fieldset',
      { class: 'editor-actions' },
      h('legend', { class: 'visually-hidden' }, 'Save and publish'),
      this.saveButton,
      this.publishButton,
      this.archiveButton,
      h('span', { class: 'hint' }, 'Ctrl+S saves. Publishing makes this revision the answer shoppers get (after re-indexing, seconds).'),
    );

    const readOnlyNote = this.editable ? null : h('p', { class: 'read-only-note', 'data-testid': 'read-only-note' }, 'Read-only: your token has the agent role. Ask an admin to change articles.');
    const missingNote =
      !this.version && !this.editable ? h('p', {}, `This article has no ${languageName(language, ctx.locale)} version.`) : null;
    this.element = h('div', {}, this.header, readOnlyNote, this.state, this.conflict, missingNote ?? this.form.element, this.editable ? this.actions : null);
    this.element.addEventListener('keydown', (event) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's' && this.editable) {
        event.preventDefault();
        void this.save(false);
      }
    });

    this.renderHeader();
    this.form.write(this.version ? draftFromVersion(this.version) : this.translationStart());
    this.renderState();
    this.refreshButtons();
  }

  /** True while the fields differ from the stored version (for a new version: from the text it started with). */
  dirty(): boolean {
    if (!this.editable) return false;
    return this.version ? isDirty(this.form.read(), this.version) : draftsDiffer(this.form.read(), this.translationStart());
  }

  private get source(): ArticleVersion | undefined {
    return this.article.versions.find((v) => v.language === this.article.sourceLanguage);
  }

  /** A new translation starts from the source text, so the structure (headings, lists) is kept. */
  private translationStart(): EditorDraft {
    if (!this.editable || !this.source) return draftFromVersion(undefined);
    return draftFromVersion(this.source);
  }

  private renderHeader(): void {
    replaceChildren(
      this.header,
      articleHeader(this.ctx, this.article, this.language, (article) => {
        // A new source language changes which versions are outdated; the typed text stays as it is.
        this.article = article;
        this.version = article.versions.find((v) => v.language === this.language);
        this.renderHeader();
        this.renderState();
        this.refreshButtons();
      }),
    );
  }

  private renderState(): void {
    const version = this.version;
    const locale = this.ctx.locale;
    if (!version) {
      const source = this.source;
      replaceChildren(
        this.state,
        `New ${languageName(this.language, locale)} version, not saved yet.`,
        source && this.editable ? ` The fields hold the ${languageName(source.language, locale)} source text (revision ${source.revision}): translate it, then save.` : '',
      );
      return;
    }
    this.state.dataset.status = version.status;
    this.state.dataset.revision = String(version.revision);
    const live = version.publishedRevision !== null ? ` · shoppers see revision ${version.publishedRevision}` : ' · never published';
    replaceChildren(
      this.state,
      h('strong', {}, versionBadges(version).filter((b) => b !== 'outdated translation').join(' · ')),
      ` · revision ${version.revision}${live} · saved by ${version.updatedBy} ${formatDateTime(version.updatedAt, locale)}`,
      version.stale
        ? h(
            'span',
            { class: 'stale-marker block', 'data-testid': 'stale-marker' },
            `⚠ Outdated translation: the ${languageName(this.article.sourceLanguage, locale)} source changed after this was written. `,
            routeLink(routeHash({ name: 'compare', slug: this.article.slug, left: this.article.sourceLanguage, right: this.language }), 'Compare with the source'),
          )
        : null,
    );
  }

  private refreshButtons(): void {
    if (!this.editable) return;
    const version = this.version;
    const dirty = this.dirty();
    this.saveButton.disabled = version !== undefined && !dirty;
    const upToDate = version?.status === 'published' && version.publishedRevision === version.revision;
    this.publishButton.textContent = dirty ? 'Save and publish' : 'Publish';
    this.publishButton.disabled = !dirty && (version === undefined || upToDate);
    this.archiveButton.disabled = version === undefined || version.status === 'archived';
  }

  /** Applies a version the API returned. */
  private accept(version: ArticleVersion): void {
    this.version = version;
    this.heading.textContent = version.title;
    const others = this.article.versions.filter((v) => v.language !== version.language);
    this.article = { ...this.article, versions: [...others, version].sort((a, b) => a.language.localeCompare(b.language)) };
    this.renderHeader();
    this.renderState();
    this.refreshButtons();
    // Saving the source changes the other versions too (they become outdated translations): fetch them again.
    if (version.language === this.article.sourceLanguage) void this.refreshOtherVersions();
  }

  private async refreshOtherVersions(): Promise<void> {
    try {
      const article = await this.ctx.api.getArticle(this.article.slug);
      this.article = { ...article, versions: article.versions.map((v) => (v.language === this.language && this.version ? this.version : v)) };
      this.renderHeader();
    } catch (error) {
      this.ctx.fail(error, 'Refreshing the language versions');
    }
  }

  private async save(publish: boolean): Promise<boolean> {
    const draft = this.form.read();
    const problems = validateDraft(draft);
    this.form.showProblems(problems);
    if (problems.length) return false;
    const isTranslation = this.language !== this.article.sourceLanguage;
    const request = saveRequest(draft, {
      expectedRevision: this.version?.revision,
      sourceRevision: isTranslation ? this.source?.revision : undefined,
      publish,
    });
    return whileBusy(this.actions, async () => {
      try {
        const saved = await this.ctx.api.saveVersion(this.article.slug, this.language, request);
        this.conflict.hidden = true;
        this.accept(saved);
        this.ctx.notices.status(publish ? `Published revision ${saved.revision}. The bot answers with it after re-indexing.` : `Saved revision ${saved.revision} as a draft.`);
        return true;
      } catch (error) {
        this.handleFailure(error, 'Saving');
        return false;
      }
    });
  }

  private async publish(): Promise<void> {
    if (this.dirty() || !this.version) {
      await this.save(true);
      return;
    }
    const version = this.version;
    await whileBusy(this.actions, async () => {
      try {
        this.accept(await this.ctx.api.publish(this.article.slug, this.language, version.revision));
        this.ctx.notices.status(`Published revision ${version.revision}. The bot answers with it after re-indexing.`);
      } catch (error) {
        this.handleFailure(error, 'Publishing');
      }
    });
  }

  private async archive(): Promise<void> {
    await whileBusy(this.actions, async () => {
      try {
        this.accept(await this.ctx.api.archive(this.article.slug, this.language));
        this.ctx.notices.status('Archived: the bot no longer answers with this version. Publish it to bring it back.');
      } catch (error) {
        this.handleFailure(error, 'Archiving');
      }
    });
  }

  private handleFailure(error: unknown, doing: string): void {
    if (!isEditConflict(error)) {
      this.ctx.fail(error, doing);
      return;
    }
    // Someone saved in between: keep what was typed visible, and let the admin choose to load the other version.
    const mine = this.form.read();
    const reload = button('Load their version', () => void this.reload(mine), { class: 'primary', 'data-testid': 'reload-button' });
    replaceChildren(
      this.conflict,
      h('p', { class: 'notice-headline' }, explainError(error, this.ctx.session.role).headline),
      h('p', {}, 'Your text stays in the fields until you load their version; after loading, it is kept below so you can copy it back.'),
      reload,
    );
    this.conflict.hidden = false;
    reload.focus();
  }

  private async reload(mine: EditorDraft): Promise<void> {
    try {
      this.article = await this.ctx.api.getArticle(this.article.slug);
      this.version = this.article.versions.find((v) => v.language === this.language);
      this.form.write(draftFromVersion(this.version));
      this.renderHeader();
      this.renderState();
      this.refreshButtons();
      const copy = h('textarea', { readonly: true, rows: 8, class: 'mine', 'aria-label': 'Your unsaved text', 'data-testid': 'unsaved-copy' });
      copy.value = mine.body;
      replaceChildren(
        this.conflict,
        h('p', { class: 'notice-headline' }, `Loaded revision ${this.version?.revision ?? '?'} by ${this.version?.updatedBy ?? 'someone else'}.`),
        h('details', { open: true }, h('summary', {}, 'Your unsaved text (copy what you still need)'), copy),
        button('Close', () => (this.conflict.hidden = true)),
      );
      this.form.focusFirst();
    } catch (error) {
      this.ctx.fail(error, 'Reloading the article');
    }
  }
}
