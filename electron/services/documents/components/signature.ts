/** Signature blocks: a caption, room to sign by hand, the line, the name and the position. */
import React from 'react';
import { StyleSheet, View } from '@react-pdf/renderer';
import { COLORS, FONT_SIZES, type TextLook } from '../theme';
import { PlainText } from './text';

const h = React.createElement;

const styles = StyleSheet.create({
  signatureRow: { flexDirection: 'row', justifyContent: 'space-around', marginTop: 14 },
  signature: { alignItems: 'center' },
  signatureLine: { borderTopWidth: 0.75, borderTopColor: COLORS.text, alignSelf: 'stretch', marginBottom: 3 },
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

const SIGNATURE_LOOKS = {
  caption: { face: 'sansBold', size: 9.5, lineHeight: 1.2, color: COLORS.guinda, align: 'center' },
  name: { face: 'sansBold', size: 9.5, lineHeight: 1.25, color: COLORS.text, align: 'center' },
  position: { face: 'sans', size: FONT_SIZES.small, lineHeight: 1.25, color: COLORS.muted, align: 'center' },
  note: { face: 'sans', size: FONT_SIZES.fine, lineHeight: 1.25, color: COLORS.muted, align: 'center' },
  notApplicable: { face: 'sansBold', size: 9.5, lineHeight: 1.25, color: COLORS.muted, align: 'center' },
} as const satisfies Record<string, TextLook>;

export function SignatureBlock(props: SignatureBlockProps): React.ReactElement {
  const width = props.width ?? 160;
  const name = props.name && props.name.trim() !== '' ? props.name : ' ';
  const position = props.position && props.position.trim() !== '' ? props.position : ' ';
  if (props.notApplicable) {
    return h(
      View,
      { style: [styles.signature, { width }], wrap: false },
      // «No aplica» sits where the line would be, level with its neighbours' lines.
      h(PlainText, { text: props.caption, look: SIGNATURE_LOOKS.caption, style: { marginBottom: SIGNATURE_CAPTION_GAP - 8 } }),
      h(PlainText, { text: 'No aplica', look: SIGNATURE_LOOKS.notApplicable }),
      h(PlainText, { text: props.notApplicable, look: SIGNATURE_LOOKS.position }),
    );
  }
  return h(
    View,
    { style: [styles.signature, { width }], wrap: false },
    h(PlainText, { text: props.caption, look: SIGNATURE_LOOKS.caption, style: { marginBottom: SIGNATURE_CAPTION_GAP } }),
    h(View, { style: styles.signatureLine }),
    h(PlainText, { text: name, look: SIGNATURE_LOOKS.name }),
    h(PlainText, { text: position, look: SIGNATURE_LOOKS.position }),
    props.note ? h(PlainText, { text: props.note, look: SIGNATURE_LOOKS.note, style: { marginTop: 1 } }) : null,
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
