/** The office header, the running folio of later pages, the title and the folio line. */
import React from 'react';
import { Image, StyleSheet, Text, View } from '@react-pdf/renderer';
import type { OfficeInfo } from '../../../../shared/forms/form-inputs';
import { COLORS, FONTS, FONT_SIZES } from '../theme';
import type { LabeledValue } from './fields';

const h = React.createElement;

const styles = StyleSheet.create({
  header: { marginBottom: 10 },
  headerRow: { flexDirection: 'row', alignItems: 'center' },
  logo: { width: 52, height: 52, objectFit: 'contain', marginRight: 12 },
  headerText: { flex: 1 },
  institution: { fontWeight: 700, fontSize: 11, color: COLORS.guinda, lineHeight: 1.25 },
  unit: { fontSize: 10, lineHeight: 1.3, marginTop: 1 },
  address: { fontSize: FONT_SIZES.small, color: COLORS.muted, marginTop: 2 },
  acronym: {
    fontWeight: 700,
    fontSize: 14,
    color: COLORS.guinda,
    marginLeft: 16,
    letterSpacing: 1,
    textAlign: 'right',
    flexShrink: 0,
  },
  runningFolio: { fontFamily: FONTS.mono, fontSize: FONT_SIZES.small, marginTop: 4 },
  // Without the header above it: the running line stands where the header would, guinda like it.
  runningFolioAlone: { marginTop: 0, marginBottom: 8, color: COLORS.guinda },
  ruleThick: { borderBottomWidth: 2.25, borderBottomColor: COLORS.guinda, marginTop: 8 },
  ruleThin: { borderBottomWidth: 0.6, borderBottomColor: COLORS.guinda, marginTop: 1.5 },
  title: { fontWeight: 700, fontSize: FONT_SIZES.title, lineHeight: 1.25, color: COLORS.guinda, textAlign: 'center' },
  subtitle: { fontSize: 10, textAlign: 'center', color: COLORS.muted, marginTop: 4 },
  titleBlock: { marginBottom: 10 },
  folioRow: {
    flexDirection: 'row',
    flexWrap: 'wrap',
    justifyContent: 'flex-end',
    marginBottom: 10,
  },
  folioItem: { flexDirection: 'row', marginLeft: 18 },
  folioLabel: { fontWeight: 700, color: COLORS.guinda, marginRight: 4 },
  folioValue: { fontSize: FONT_SIZES.body },
  folioValueMono: { fontFamily: FONTS.mono },
});

export interface OfficeHeaderProps {
  office: OfficeInfo;
  /** The sheet's folio, repeated at the top of every page after the first (the first has the folio line). */
  folio?: string;
  /**
   * Repeat the whole header on every page (default). A long sheet prints it
   * once and carries only a running line with the acronym and folio.
   */
  repeat?: boolean;
}

/** The office header, with the folio from the second page on. */
export function OfficeHeader(props: OfficeHeaderProps): React.ReactElement {
  const { office, folio } = props;
  const repeat = props.repeat ?? true;
  const header = [
    h(
      View,
      { key: 'row', style: styles.headerRow },
      office.logoPngDataUrl ? h(Image, { src: office.logoPngDataUrl, style: styles.logo }) : null,
      h(
        View,
        { style: styles.headerText },
        h(Text, { style: styles.institution }, office.institution),
        h(Text, { style: styles.unit }, office.unit),
        office.address ? h(Text, { style: styles.address }, office.address) : null,
      ),
      h(Text, { style: styles.acronym }, office.acronym),
    ),
    h(View, { key: 'thick', style: styles.ruleThick }),
    h(View, { key: 'thin', style: styles.ruleThin }),
  ];
  const running = folio ? h(RunningFolio, { key: 'folio', folio, acronym: repeat ? undefined : office.acronym }) : null;
  if (repeat) return h(View, { fixed: true, style: styles.header }, ...header, running);
  // A fragment: a fixed block inside a View that ends on page 1 would end there too.
  return h(React.Fragment, null, h(View, { fixed: true }, running), h(View, { style: styles.header }, ...header));
}

/**
 * «Folio …» on every page but the first. Left-aligned, in the flow, with no
 * box of its own: react-pdf 4.9 drew nothing for a `render` text that was
 * right-aligned, absolutely placed or in a row (it lays it out first with the
 * first page's empty text).
 */
function RunningFolio(props: { folio: string; acronym?: string }): React.ReactElement {
  const text = props.acronym ? `${props.acronym} · Folio ${props.folio}` : `Folio ${props.folio}`;
  return h(Text, {
    style: [styles.runningFolio, props.acronym ? styles.runningFolioAlone : {}],
    render: ({ pageNumber }: { pageNumber: number }) => (pageNumber > 1 ? text : ''),
  });
}

export function DocumentTitle(props: { title: string; subtitle?: string }): React.ReactElement {
  return h(
    View,
    { style: styles.titleBlock },
    h(Text, { style: styles.title }, props.title),
    props.subtitle ? h(Text, { style: styles.subtitle }, props.subtitle) : null,
  );
}

/** "Folio: … Referencia: … Fecha: …", aligned right under the header. */
export function FolioLine(props: { items: LabeledValue[] }): React.ReactElement {
  return h(
    View,
    { style: styles.folioRow },
    ...props.items.map((item, index) =>
      h(
        View,
        { key: index, style: styles.folioItem },
        h(Text, { style: styles.folioLabel }, `${item.label}:`),
        h(Text, { style: [styles.folioValue, item.mono ? styles.folioValueMono : {}] }, item.value),
      ),
    ),
  );
}
