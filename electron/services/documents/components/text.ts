/** Running text: headings, paragraphs, lists, code, notices and fine print. */
import React from 'react';
import { StyleSheet, Text, View } from '@react-pdf/renderer';
import { COLORS, FONTS, FONT_SIZES } from '../theme';

const h = React.createElement;

type Children = React.ReactNode;

const styles = StyleSheet.create({
  sectionHeadingBox: {
    borderBottomWidth: 0.75,
    borderBottomColor: COLORS.guinda,
    paddingBottom: 2,
    marginBottom: 5,
    marginTop: 8,
  },
  sectionHeadingText: { fontWeight: 700, fontSize: FONT_SIZES.heading, color: COLORS.guinda, lineHeight: 1.2 },
  paragraph: { fontSize: FONT_SIZES.body, marginBottom: 5, textAlign: 'justify', lineHeight: 1.35 },
  listItem: { flexDirection: 'row', marginBottom: 4 },
  listMarker: { fontSize: FONT_SIZES.body, width: 16, fontWeight: 700, color: COLORS.guinda, lineHeight: 1.35 },
  listText: { fontSize: FONT_SIZES.body, flex: 1, lineHeight: 1.35 },
  notice: {
    borderLeftWidth: 3,
    borderLeftColor: COLORS.guinda,
    backgroundColor: COLORS.guindaTint,
    paddingVertical: 6,
    paddingHorizontal: 10,
    marginVertical: 7,
  },
  code: { backgroundColor: '#f2f2f2', borderLeftWidth: 2, borderLeftColor: COLORS.rule, paddingVertical: 5, paddingHorizontal: 8, marginTop: 2, marginBottom: 6 },
  codeLine: { fontFamily: FONTS.mono, fontSize: 8.5, lineHeight: 1.35 },
  noticeTitle: { fontWeight: 700, color: COLORS.guinda, marginBottom: 2 },
  noticeText: { fontSize: FONT_SIZES.body, lineHeight: 1.35 },
  finePrint: { fontSize: FONT_SIZES.fine, color: COLORS.muted },
});

/**
 * Greedy word wrap by character count, for cells whose content may hold long
 * tokens without spaces (file paths, serials): react-pdf never breaks inside
 * a word, so a 60-character path would run out of its cell. Over-long words
 * are cut after "/", "_", "-" or "." when one falls late enough, else at the
 * limit. Counting characters is approximate for a proportional face: callers
 * leave a margin.
 */
export function wrapText(text: string, maxChars: number): string[] {
  if (maxChars <= 0 || text.length <= maxChars) return [text];
  const lines: string[] = [];
  let line = '';
  const push = (word: string) => {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= maxChars) line = `${line} ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  };
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    let rest = word;
    while (rest.length > maxChars) {
      let cut = maxChars;
      for (let i = maxChars - 1; i >= Math.floor(maxChars / 2); i -= 1) {
        if ('/_-.'.includes(rest.charAt(i))) {
          cut = i + 1;
          break;
        }
      }
      push(rest.slice(0, cut));
      lines.push(line);
      line = '';
      rest = rest.slice(cut);
    }
    if (rest !== '') push(rest);
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Small grey print across the page (a form's legend). */
export function FinePrint(props: { text: string; marginTop: number; lineHeight: number; align?: 'justify' | 'left' }): React.ReactElement {
  return h(Text, { style: [styles.finePrint, { marginTop: props.marginTop, lineHeight: props.lineHeight, textAlign: props.align ?? 'left' }] }, props.text);
}

export function SectionHeading(props: { children?: Children }): React.ReactElement {
  return h(Text, { style: [styles.sectionHeadingBox, styles.sectionHeadingText], minPresenceAhead: 40 }, props.children);
}

/** Body text, justified by default; use `align: 'left'` in narrow columns. */
export function Paragraph(props: { align?: 'justify' | 'left'; children?: Children }): React.ReactElement {
  return h(Text, { style: [styles.paragraph, props.align === 'left' ? { textAlign: 'left' } : {}] }, props.children);
}

/** Emphasised run inside a Paragraph. */
export function Strong(props: { children?: Children }): React.ReactElement {
  return h(Text, { style: { fontWeight: 700 } }, props.children);
}

export function NumberedList(props: { items: Children[]; bullet?: boolean }): React.ReactElement {
  return h(
    View,
    null,
    ...props.items.map((item, index) =>
      h(
        View,
        { key: index, style: styles.listItem, wrap: false },
        h(Text, { style: styles.listMarker }, props.bullet ? '•' : `${index + 1}.`),
        h(Text, { style: styles.listText }, item),
      ),
    ),
  );
}

/**
 * Commands to type, one Text per line in the monospaced face, in a grey box.
 * Lines are given already broken where the shell accepts a break: a command
 * cut anywhere else would not run when copied.
 */
export function CodeBlock(props: { lines: string[] }): React.ReactElement {
  return h(
    View,
    { style: styles.code, wrap: false },
    ...props.lines.map((line, index) => h(Text, { key: index, style: styles.codeLine }, line === '' ? ' ' : line)),
  );
}

/** A tinted box with a guinda rule on the left, for warnings. */
export function Notice(props: { title?: string; children?: Children }): React.ReactElement {
  return h(
    View,
    { style: styles.notice, wrap: false },
    props.title ? h(Text, { style: styles.noticeTitle }, props.title) : null,
    h(Text, { style: styles.noticeText }, props.children),
  );
}
