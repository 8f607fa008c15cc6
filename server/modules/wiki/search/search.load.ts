import { BodyModel } from '../content/content.model';

/** The stored snapshot texts of one page (null = no such snapshot yet). */
export interface BodyTexts {
  draft: string | null;
  published: string | null;
}

interface BodyTextDoc {
  _id: string;
  draft?: { text?: string } | null;
  published?: { text?: string } | null;
}

/**
 * Every page's snapshot texts in ONE read of `wiki_page_bodies` (texts only: HTML and JSON stay
 * in the database). Used once per process by the search index, and again only when many pages
 * went stale at once.
 */
export async function loadAllBodyTexts(): Promise<Map<string, BodyTexts>> {
  const docs = await BodyModel.find({}, { 'draft.text': 1, 'published.text': 1 }).lean<
    BodyTextDoc[]
  >();
  const out = new Map<string, BodyTexts>();
  for (const d of docs) {
    out.set(String(d._id), {
      draft: d.draft?.text ?? null,
      published: d.published?.text ?? null,
    });
  }
  return out;
}
