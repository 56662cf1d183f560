/**
 * Draws every painted block of a page in one pass.
 *
 * A painted block (table row, label/value row, text block, QR, page number:
 * see painted-text.ts) is laid out as a plain View of known size that
 * carries its drawing function in a prop. After layout, `addPaintPasses`
 * collects those Views page by page with their place on the page, and adds
 * to each page one Canvas that draws them all, in document order.
 *
 * Why not a Canvas per block: react-pdf builds a fresh 34-method painter
 * object for every Canvas it draws, and asks yoga to measure every Canvas;
 * with sixty rows a sheet, that was a twentieth of the render.
 *
 * The pass is drawn after the page's last block that holds a painted one
 * (so text lies over the Views' backgrounds and borders, as it did) and
 * before anything later (the void watermark stays on top).
 */
import type { Painter } from './pdf-pipeline';
import type { PdfNode } from './own-pagination';

/** The View prop a painted block's drawing travels in. */
export const PAINT_PROP = 'valijaPaint';

/** Draws a block with its top left corner at the origin, `width` points wide. */
export type PaintFn = (painter: Painter, width: number) => void;

interface Placed {
  paint: PaintFn;
  x: number;
  y: number;
  width: number;
}

const num = (value: unknown) => (typeof value === 'number' ? value : 0);

/** Collects the painted blocks under `node` (whose own origin is at x, y on the page). */
function collect(node: PdfNode, x: number, y: number, into: Placed[]): void {
  const box = node.box;
  if (!box) return;
  const left = x + num(box.left);
  const top = y + num(box.top);
  const paint = node.props?.[PAINT_PROP];
  if (typeof paint === 'function') {
    const padLeft = num(box.paddingLeft);
    into.push({ paint: paint as PaintFn, x: left + padLeft, y: top + num(box.paddingTop), width: num(box.width) - padLeft - num(box.paddingRight) });
  }
  for (const child of node.children ?? []) if (typeof child === 'object' && child !== null) collect(child, left, top, into);
}

/** Adds to each laid-out page the Canvas that draws its painted blocks. */
export function addPaintPasses(document: PdfNode): PdfNode {
  const pages = (document.children ?? []).map((page) => {
    const children = page.children ?? [];
    const blocks: Placed[] = [];
    let after = -1;
    children.forEach((child, index) => {
      const before = blocks.length;
      // Children are placed relative to the page (whose own box is at the origin).
      collect(child, 0, 0, blocks);
      if (blocks.length > before) after = index;
    });
    if (blocks.length === 0) return page;
    const width = num(page.box?.width);
    const height = num(page.box?.height);
    const pass: PdfNode = {
      type: 'CANVAS',
      props: {
        paint: (painter: Painter) => {
          for (const block of blocks) {
            painter.save().translate(block.x, block.y);
            block.paint(painter, block.width);
            painter.restore();
          }
          return null;
        },
      },
      style: {},
      box: { top: 0, left: 0, right: 0, bottom: 0, width, height, marginTop: 0, marginBottom: 0, marginLeft: 0, marginRight: 0, paddingTop: 0, paddingBottom: 0, paddingLeft: 0, paddingRight: 0, borderTopWidth: 0, borderBottomWidth: 0, borderLeftWidth: 0, borderRightWidth: 0 },
      children: [],
    };
    return { ...page, children: [...children.slice(0, after + 1), pass, ...children.slice(after + 1)] };
  });
  return { ...document, children: pages };
}
