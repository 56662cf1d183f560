/** Label/value pairs: the field rows of every form, alone or beside a QR code. */
import React from 'react';
import { StyleSheet, Text, View } from '@react-pdf/renderer';
import { COLORS, FONTS, FONT_SIZES } from '../theme';
import { QrBlock, type QrBlockProps } from './qr';
import { wrapText } from './text';

const h = React.createElement;

const styles = StyleSheet.create({
  fieldRow: { flexDirection: 'row', marginBottom: 3 },
  fieldLabel: { fontWeight: 700, color: COLORS.guinda, fontSize: 9, lineHeight: 1.3, paddingTop: 1.2 },
  fieldValue: { flex: 1 },
  fieldValueLine: { fontSize: FONT_SIZES.body, lineHeight: 1.3 },
  fieldValueMono: { fontFamily: FONTS.mono },
  fieldsWithQr: { flexDirection: 'row', alignItems: 'flex-start', marginTop: 2 },
  fieldsColumn: { flex: 1, marginRight: 16 },
});

export interface LabeledValue {
  label: string;
  value: string;
  /** Print the value in the monospaced face (codes, digests, identifiers). */
  mono?: boolean;
  /**
   * Wrap the value at this many characters (`wrapText`): for long tokens such
   * as digests, which have no spaces to wrap at (words are never hyphenated).
   */
  breakEvery?: number;
}

/** Label/value pairs in two columns (label width in points). */
export function FieldList(props: { fields: LabeledValue[]; labelWidth?: number }): React.ReactElement {
  const labelWidth = props.labelWidth ?? 150;
  return h(
    View,
    null,
    ...props.fields.map((field, index) =>
      h(
        View,
        { key: index, style: styles.fieldRow, wrap: false },
        h(Text, { style: [styles.fieldLabel, { width: labelWidth }] }, field.label),
        h(
          View,
          { style: styles.fieldValue },
          ...wrapText(field.value, field.breakEvery ?? 0).map((line, lineIndex) =>
            h(Text, { key: lineIndex, style: [styles.fieldValueLine, field.mono ? styles.fieldValueMono : {}] }, line),
          ),
        ),
      ),
    ),
  );
}

/** Label/value pairs on the left, a QR code on the right. */
export function FieldsWithQr(props: { fields: LabeledValue[]; labelWidth?: number; qr: QrBlockProps }): React.ReactElement {
  return h(
    View,
    { style: styles.fieldsWithQr, wrap: false },
    h(View, { style: styles.fieldsColumn }, h(FieldList, { fields: props.fields, labelWidth: props.labelWidth })),
    h(QrBlock, props.qr),
  );
}
