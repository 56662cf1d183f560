/**
 * Label/value rows (FieldList in toolkit.ts) painted as one block each: the
 * bold guinda label in a fixed-width column, the value beside it, wrapped
 * with the font's metrics (see painted-text.ts). They look exactly like the
 * rows built from Views and Texts, at a quarter of the react-pdf nodes.
 */
import type React from 'react';
import { checkPaintWidth, chunkText, drawLines, paintedBox, wrapLine, type Faces, type TextLine } from './painted-text';
import { COLORS, FONT_SIZES } from './theme';
import type { LabeledValue } from './toolkit';

const LABEL = { size: 9, lineHeight: 9 * 1.3, top: 1.2 } as const;
const VALUE = { size: FONT_SIZES.body, lineHeight: FONT_SIZES.body * 1.3 } as const;
const ROW_GAP = 3;

export function paintedFieldRows(fields: LabeledValue[], layout: { labelWidth: number; width: number; faces: Faces }): React.ReactElement[] {
  const { labelWidth, width, faces } = layout;
  const valueRoom = width - labelWidth;
  return fields.map((field, index) => {
    const valueFont = field.mono ? faces.mono : faces.sans;
    const label: TextLine[] = wrapLine(field.label, faces.sansBold, LABEL.size, labelWidth);
    const value: TextLine[] = chunkText(field.value, field.breakEvery ?? 0).flatMap((line) => wrapLine(line, valueFont, VALUE.size, valueRoom));
    const height = Math.max(LABEL.top + label.length * LABEL.lineHeight, value.length * VALUE.lineHeight);
    return paintedBox({
      key: index,
      style: { width: '100%', height, marginBottom: ROW_GAP },
      draw: (painter, available) => {
        checkPaintWidth(available, width, 'field row');
        painter.fillColor(COLORS.guinda).font(faces.sansBold, faces.sansBold.postscriptName, LABEL.size);
        drawLines(painter, label, { x: 0, y: LABEL.top, room: labelWidth, lineHeight: LABEL.lineHeight });
        painter.fillColor(COLORS.text).font(valueFont, valueFont.postscriptName, VALUE.size);
        drawLines(painter, value, { x: labelWidth, y: 0, room: valueRoom, lineHeight: VALUE.lineHeight });
      },
    });
  });
}
