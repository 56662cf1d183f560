/** Signature blocks: a caption, room to sign by hand, the line, the name and the position. */
import React from 'react';
import { StyleSheet, Text, View } from '@react-pdf/renderer';
import { COLORS, FONT_SIZES } from '../theme';

const h = React.createElement;

const styles = StyleSheet.create({
  signatureRow: { flexDirection: 'row', justifyContent: 'space-around', marginTop: 14 },
  signature: { alignItems: 'center' },
  signatureLine: { borderTopWidth: 0.75, borderTopColor: COLORS.text, alignSelf: 'stretch', marginBottom: 3 },
  caption: { fontWeight: 700, fontSize: 9.5, lineHeight: 1.2, color: COLORS.guinda, textAlign: 'center' },
  name: { fontWeight: 700, fontSize: 9.5, lineHeight: 1.25, textAlign: 'center' },
  position: { fontSize: FONT_SIZES.small, lineHeight: 1.25, color: COLORS.muted, textAlign: 'center' },
  note: { fontSize: FONT_SIZES.fine, lineHeight: 1.25, color: COLORS.muted, textAlign: 'center', marginTop: 1 },
  notApplicable: { fontWeight: 700, fontSize: 9.5, lineHeight: 1.25, color: COLORS.muted, textAlign: 'center' },
});

export interface SignatureBlockProps {
  /** "Elaboró", "Revisó", "Autorizó", "Recibió"… */
  caption: string;
  /** Printed under the line; leave empty for a blank block filled by hand. */
  name?: string;
  position?: string;
  /** Width in points (default 160). */
  width?: number;
  /** A last small line under the position, e.g. when Valija recorded the step. */
  note?: string;
  /**
   * The block does not apply to this sheet: the caption and this sentence,
   * and no line, so nobody signs where no signature is due.
   */
  notApplicable?: string;
}

/** Room above the signature line for the handwritten signature. */
const SIGNATURE_CAPTION_GAP = 38;

export function SignatureBlock(props: SignatureBlockProps): React.ReactElement {
  const width = props.width ?? 160;
  const name = props.name && props.name.trim() !== '' ? props.name : ' ';
  const position = props.position && props.position.trim() !== '' ? props.position : ' ';
  if (props.notApplicable) {
    return h(
      View,
      { style: [styles.signature, { width }], wrap: false },
      // «No aplica» sits where the line would be, level with its neighbours' lines.
      h(Text, { style: [styles.caption, { marginBottom: SIGNATURE_CAPTION_GAP - 8 }] }, props.caption),
      h(Text, { style: styles.notApplicable }, 'No aplica'),
      h(Text, { style: styles.position }, props.notApplicable),
    );
  }
  return h(
    View,
    { style: [styles.signature, { width }], wrap: false },
    h(Text, { style: [styles.caption, { marginBottom: SIGNATURE_CAPTION_GAP }] }, props.caption),
    h(View, { style: styles.signatureLine }),
    h(Text, { style: styles.name }, name),
    h(Text, { style: styles.position }, position),
    props.note ? h(Text, { style: styles.note }, props.note) : null,
  );
}

/** Up to three signature blocks side by side, kept together on one page. */
export function SignatureRow(props: { signatures: SignatureBlockProps[] }): React.ReactElement {
  const count = Math.max(props.signatures.length, 1);
  const width = count >= 3 ? 156 : 190;
  return h(
    View,
    { style: styles.signatureRow, wrap: false },
    ...props.signatures.map((signature, index) => h(SignatureBlock, { key: index, width, ...signature })),
  );
}
