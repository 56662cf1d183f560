/**
 * Page breaks without a second layout.
 *
 * react-pdf breaks a wrapping page by laying out its first part again, then
 * the whole rest of the document again, at every break: a three-page form is
 * laid out about three times (a fifth of the approval sheet's render time).
 * Our forms do not need that: nothing in them changes size with the room
 * left on a page. So each wrapping page is laid out once, in two parts:
 *
 * - the *furniture*: the fixed, absolutely placed marks, footer and void
 *   watermark, on a page of the real size;
 * - the *flow*: everything else, on one page as tall as its content.
 *
 * Then the flow is cut into pages here, by moving the laid-out boxes (their
 * coordinates are relative to their parent, so moving a block moves all of
 * it), and each page gets the furniture. The rules are react-pdf's, for what
 * the forms use:
 *
 * - a block with `wrap={false}`, a text, a canvas or an image is never cut:
 *   what does not fit goes to the next page whole;
 * - a column view is cut between its children (recursively); its `fixed`
 *   children (a table's header row) are repeated at the top of each part;
 * - `fixed` blocks at the start of the flow (the office header) are
 *   repeated at the top of every page;
 * - `minPresenceAhead` keeps a heading with what follows it;
 * - gaps (margins) between blocks are kept; a block that starts a page keeps
 *   its own top margin, a continued block starts right at the top.
 *
 * A document this cannot paginate (a block taller than a page, a page whose
 * size we do not know, a dynamic `render` node, a fixed block in mid-flow)
 * is left to react-pdf's own pagination: `planOwnPagination` returns null.
 */
import { pagePoints, type PageSizeName } from './theme';

/** A react-pdf instance node (before layout) or laid-out node (after). */
export interface PdfNode {
  type: string;
  props?: Record<string, unknown> & { fixed?: boolean; wrap?: boolean; minPresenceAhead?: number; render?: unknown };
  style?: unknown;
  box?: Box;
  children?: PdfNode[];
}

export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
  marginTop: number;
  marginBottom: number;
  paddingTop: number;
  paddingBottom: number;
  borderTopWidth: number;
  borderBottomWidth: number;
  [key: string]: number;
}

interface PagePlan {
  /** Fixed children of the page drawn under the flow (before it in the source). */
  furnitureBelow: number;
}

/** The document to lay out, and how to turn its layout into the final pages. */
export interface OwnPagination {
  document: PdfNode;
  paginate(laidOut: PdfNode): PdfNode | null;
}

const flatStyle = (style: unknown): Record<string, unknown> =>
  Array.isArray(style) ? Object.assign({}, ...style.map(flatStyle)) : typeof style === 'object' && style !== null ? (style as Record<string, unknown>) : {};

const isAbsoluteFixed = (node: PdfNode) => node.props?.fixed === true && flatStyle(node.style).position === 'absolute';

function hasDynamicNode(node: PdfNode): boolean {
  if (node.props?.render !== undefined) return true;
  return (node.children ?? []).some((child) => typeof child === 'object' && child !== null && hasDynamicNode(child));
}

/**
 * Rewrites the document so that each wrapping page is laid out as furniture
 * and flow (see above); null when a page is not one we know how to cut.
 */
export function planOwnPagination(document: PdfNode): OwnPagination | null {
  const pages = document.children ?? [];
  if (pages.length === 0 || pages.some((page) => page.type !== 'PAGE' || page.props?.wrap === false || hasDynamicNode(page))) return null;
  const plans: PagePlan[] = [];
  const split: PdfNode[] = [];
  for (const page of pages) {
    const size = pagePoints(page.props?.size as PageSizeName, page.props?.orientation === 'landscape' ? 'landscape' : 'portrait');
    if (!size) return null;
    const children = page.children ?? [];
    const flow = children.filter((child) => !isAbsoluteFixed(child));
    const furniture = children.filter(isAbsoluteFixed);
    const firstFlow = children.findIndex((child) => !isAbsoluteFixed(child));
    const leadingFixed = flow.findIndex((child) => child.props?.fixed !== true);
    // A fixed block after the content has started would repeat mid-page; react-pdf knows how.
    if (flow.slice(Math.max(0, leadingFixed)).some((child) => child.props?.fixed === true)) return null;
    // Everything before the first flow block is furniture drawn under the flow.
    plans.push({ furnitureBelow: firstFlow < 0 ? furniture.length : firstFlow });
    const props = { ...page.props, wrap: false };
    split.push({ ...page, props, style: [page.style ?? {}, { minHeight: size.height, maxHeight: size.height }].flat(), children: furniture });
    split.push({ ...page, props, children: flow });
  }
  return {
    document: { ...document, children: split },
    paginate(laidOut) {
      const laidPages = laidOut.children ?? [];
      const out: PdfNode[] = [];
      for (let i = 0; i < plans.length; i += 1) {
        const cut = cutFlow(laidPages[2 * i] as PdfNode, laidPages[2 * i + 1] as PdfNode, (plans[i] as PagePlan).furnitureBelow);
        if (!cut) return null;
        out.push(...cut);
      }
      return { ...laidOut, children: out };
    },
  };
}

const boxOf = (node: PdfNode): Box => node.box as Box;
const bottomOf = (node: PdfNode) => boxOf(node).top + boxOf(node).height;
const moved = (node: PdfNode, top: number, extra: Partial<Box> = {}): PdfNode => ({ ...node, box: { ...boxOf(node), ...extra, top } as Box });

/** Never cut: a text, a canvas, an image, a row, anything with `wrap={false}`. */
function isBreakable(node: PdfNode): boolean {
  if (node.type !== 'VIEW' || node.props?.wrap === false || !node.children?.length) return false;
  const direction = flatStyle(node.style).flexDirection;
  return direction === undefined || direction === 'column';
}

/**
 * Cuts a column view so that its first part ends within `room` points of its
 * top: [first part, rest] with the rest's fixed children repeated. [null,
 * node] when not even its first child fits.
 */
function splitView(node: PdfNode, room: number): [PdfNode | null, PdfNode] {
  const box = boxOf(node);
  const children = node.children ?? [];
  const endPadding = box.paddingBottom + box.borderBottomWidth;
  const limit = room - endPadding;
  const fixed = children.filter((child) => child.props?.fixed === true);
  const content = children.filter((child) => child.props?.fixed !== true);
  const contentStart = content.length > 0 ? boxOf(content[0] as PdfNode).top : box.paddingTop + box.borderTopWidth;
  const first: PdfNode[] = [];
  let rest: PdfNode[] = [];
  for (let i = 0; i < content.length; i += 1) {
    const child = content[i] as PdfNode;
    if (bottomOf(child) <= limit) {
      first.push(child);
      continue;
    }
    if (isBreakable(child)) {
      const [head, tail] = splitView(child, limit - boxOf(child).top);
      if (head) {
        first.push(head);
        rest = [tail, ...content.slice(i + 1)];
        break;
      }
    }
    rest = content.slice(i);
    break;
  }
  if (first.length === 0) return [null, node];
  const lastFirst = first[first.length - 1] as PdfNode;
  const head: PdfNode = { ...node, children: [...fixed, ...first], box: { ...box, height: bottomOf(lastFirst) + endPadding, marginBottom: 0 } };
  // The rest starts where the content started under the repeated fixed children.
  const trailing = box.height - bottomOf(content[content.length - 1] as PdfNode);
  const delta = boxOf(rest[0] as PdfNode).top - contentStart;
  const shifted = rest.map((child, index) => (index === 0 ? moved(child, contentStart, { marginTop: 0 }) : moved(child, boxOf(child).top - delta)));
  const lastRest = shifted[shifted.length - 1] as PdfNode;
  const height = bottomOf(lastRest) + trailing;
  // Placed at the top of a page; its `top` here only keeps where the whole view ended, for the gap to the next block.
  const tail: PdfNode = { ...node, children: [...fixed, ...shifted], box: { ...box, top: box.top + box.height - height, height, marginTop: 0 } };
  return [head, tail];
}

/** Cuts the laid-out flow page into pages of the furniture page's size. */
function cutFlow(furniture: PdfNode, flowPage: PdfNode, furnitureBelow: number): PdfNode[] | null {
  const page = boxOf(furniture);
  const contentBottom = page.height - page.paddingBottom - page.borderBottomWidth;
  const below = (furniture.children ?? []).slice(0, furnitureBelow);
  const above = (furniture.children ?? []).slice(furnitureBelow);
  const flow = flowPage.children ?? [];
  const headerCount = flow.findIndex((child) => child.props?.fixed !== true);
  const header = headerCount < 0 ? flow : flow.slice(0, headerCount);
  const blocks = headerCount < 0 ? [] : flow.slice(headerCount);

  // Content on every page starts where it starts on the first: under the repeated header.
  const firstTop = page.paddingTop + page.borderTopWidth;
  const contentTop = header.length > 0 ? bottomOf(header[header.length - 1] as PdfNode) + boxOf(header[header.length - 1] as PdfNode).marginBottom : firstTop;

  const pages: PdfNode[][] = [];
  let placed: PdfNode[] = [...header];
  let y = contentTop;
  let startsPage = true;
  /** Where the previous block ended in the flow page, to keep the gap to the next. */
  let previousBottom = 0;
  const newPage = () => {
    pages.push(placed);
    placed = [...header];
    y = contentTop;
    startsPage = true;
  };

  const queue = [...blocks];
  while (queue.length > 0) {
    const block = queue.shift() as PdfNode;
    const box = boxOf(block);
    const top = y + (startsPage ? box.marginTop : box.top - previousBottom);
    const presence = block.props?.minPresenceAhead ?? 0;
    const keepsWithNext = startsPage || presence === 0 || queue.length === 0 || top + box.height + presence <= contentBottom;
    const fits = top + box.height <= contentBottom && keepsWithNext;
    if (fits) {
      placed.push(moved(block, top));
      y = top + box.height;
      previousBottom = bottomOf(block);
      startsPage = false;
      continue;
    }
    if (isBreakable(block) && keepsWithNext) {
      const [head, tail] = splitView(block, contentBottom - top);
      if (head) {
        placed.push(moved(head, top));
        newPage();
        queue.unshift(tail);
        continue;
      }
    }
    // Nothing more fits: a new page, unless this one is still empty (the block is taller than a page).
    if (startsPage) return null;
    newPage();
    queue.unshift(block);
  }
  pages.push(placed);
  return pages.map((children) => ({ ...furniture, children: [...below, ...children, ...above] }));
}
