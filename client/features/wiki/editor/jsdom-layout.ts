/**
 * jsdom has no layout: ProseMirror asks ranges for their rectangles when it scrolls the selection
 * into view. Empty rectangles are enough for tests of the toolbar's behaviour (test helper only).
 */
export function stubLayout() {
  const empty = () => Object.assign([], { item: () => null }) as unknown as DOMRectList;
  const rect = () => new DOMRect(0, 0, 0, 0);
  Range.prototype.getClientRects ??= empty;
  Range.prototype.getBoundingClientRect ??= rect;
  document.elementFromPoint ??= () => null;
}
