/**
 * Everything a diagram page needs (layout, cards, flows, the links it may open), computed in
 * slices so opening a diagram never holds the extension host for long, and kept per view
 * until the knowledge base or the language changes. Pure (no `vscode` import).
 */
import { layoutViewSteps, viewKey, type DiagramView } from '../../core/diagram/index';
import { drain, inSlices, type Steps } from '../../core/diagram/steps';
import type { DiagramLayout } from '../../core/diagram/types';
import type { KnowledgeIndex } from '../../core/knowledge/index';
import type { Translate } from '../../core/l10n';
import { diagramCardsSteps, sourceUrls } from './data';
import { pageFlowsSteps, type PageFlow } from './flows';

export interface PreparedPage {
  layout: DiagramLayout;
  cards: Record<string, string>;
  flows: PageFlow[];
  /** every source URL of the cards and the flows' steps: the only external links the page may open */
  urls: Set<string>;
}

export function* preparePageSteps(kb: KnowledgeIndex, view: DiagramView, t: Translate): Steps<PreparedPage> {
  const layout = yield* layoutViewSteps(kb, view, t);
  yield;
  const cards = yield* diagramCardsSteps(kb, layout, t);
  const flows = yield* pageFlowsSteps(kb, layout);
  const urls = sourceUrls(kb, cards);
  for (const f of flows) for (const s of f.steps) urls.add(s.source.url);
  return { layout, cards, flows, urls };
}

/** `preparePageSteps` at once (tests, the bench's "before"). */
export function preparePage(kb: KnowledgeIndex, view: DiagramView, t: Translate): PreparedPage {
  return drain(preparePageSteps(kb, view, t));
}

/** Prepared pages by view key, for one knowledge base and one Translate at a time. */
export class PreparedPages {
  private kb: KnowledgeIndex | undefined;
  private t: Translate | undefined;
  private readonly pages = new Map<string, Promise<PreparedPage | undefined>>();

  constructor(
    private readonly pause: () => Promise<boolean | void>,
    private readonly sliceMs = 4,
  ) {}

  /** The view's page: the one already prepared, or prepared now in slices. */
  get(kb: KnowledgeIndex, view: DiagramView, t: Translate): Promise<PreparedPage | undefined> {
    if (kb !== this.kb || t !== this.t) {
      this.pages.clear();
      this.kb = kb;
      this.t = t;
    }
    const key = viewKey(view);
    let page = this.pages.get(key);
    if (!page) {
      const made = inSlices(preparePageSteps(kb, view, t), this.pause, this.sliceMs);
      // a page not finished (stopped, or failed) is not kept
      const drop = () => {
        if (this.pages.get(key) === made) this.pages.delete(key);
      };
      made.then((p) => p ?? drop(), drop);
      this.pages.set(key, made);
      page = made;
    }
    return page;
  }

  /** Forgets every page (the knowledge base changed). */
  clear(): void {
    this.pages.clear();
    this.kb = undefined;
  }
}
