/** The QR code: its modules, drawn as vector squares, with an optional caption. */
import React from 'react';
import { Path, StyleSheet, Svg, Text, View } from '@react-pdf/renderer';
import QRCode from 'qrcode';
import { AppError } from '../../../../shared/errors';
import { COLORS } from '../theme';

const h = React.createElement;

const styles = StyleSheet.create({
  qr: { alignItems: 'center' },
  qrCaption: { fontSize: 7.5, color: COLORS.muted, textAlign: 'center', marginTop: 3, lineHeight: 1.25 },
});

/** The modules of a QR code, `size` × `size`, row by row: 1 is dark. */
export interface QrCode {
  size: number;
  modules: Uint8Array;
}

/** The QR code carrying `text`, error correction M (readable with a seventh of it smudged). */
export function qrCode(text: string): QrCode {
  if (text === '') throw new AppError('VALIDATION', 'El código QR no puede estar vacío.');
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return { size: modules.size, modules: modules.data };
}

/** The dark modules as one SVG path, in module units, offset by a one-module quiet zone. */
export function qrPath(qr: QrCode): string {
  const parts: string[] = [];
  for (let row = 0; row < qr.size; row += 1) {
    let col = 0;
    while (col < qr.size) {
      if (qr.modules[row * qr.size + col] !== 1) {
        col += 1;
        continue;
      }
      const start = col;
      while (col < qr.size && qr.modules[row * qr.size + col] === 1) col += 1;
      // A hair taller than a module, so rasterisers leave no seam between rows.
      parts.push(`M${start + 1} ${row + 1}h${col - start}v1.02h${start - col}z`);
    }
  }
  return parts.join('');
}

/**
 * A QR code drawn as vector squares (react-pdf's Svg), with one module of
 * white quiet zone: it stays sharp on any printer.
 */
export function QrMark(props: { qr: QrCode; size: number }): React.ReactElement {
  const { qr, size } = props;
  const side = qr.size + 2;
  return h(
    Svg,
    { width: size, height: size, viewBox: `0 0 ${side} ${side}`, style: { backgroundColor: COLORS.white } },
    h(Path, { d: qrPath(qr), fill: COLORS.text }),
  );
}

export interface QrBlockProps {
  qr: QrCode;
  /** Side in points (default 84 ≈ 3 cm). */
  size?: number;
  /**
   * Spanish caption printed under the code, e.g. what it carries; one string
   * per line. (Never put "\n" in a Text: react-pdf draws it with Helvetica.)
   */
  caption?: string | string[];
}

export function QrBlock(props: QrBlockProps): React.ReactElement {
  const size = props.size ?? 84;
  return h(
    View,
    { style: [styles.qr, { width: Math.max(size, 110) }], wrap: false },
    h(QrMark, { qr: props.qr, size }),
    ...(props.caption === undefined ? [] : Array.isArray(props.caption) ? props.caption : [props.caption]).map((line, index) =>
      h(Text, { key: index, style: [styles.qrCaption, index > 0 ? { marginTop: 0 } : {}] }, line),
    ),
  );
}
