import { describe, expect, it } from 'vitest';
import { shipmentContentSchema } from '../../../../../shared/domain/shipments';
import { initialValues, toContent } from './form-values';

const filled = () => ({
  ...initialValues(),
  agencyId: 'agencia-1',
  recipientId: 'destinatario-1',
  subject: 'Reporte trimestral de ciberdelitos',
  coveringOficio: 'C4/DG/123/2026',
  inventory: [{ description: 'Oficio de remisión', type: 'oficio', quantity: 1, sheets: 2 }],
});

describe('the shipment form and its providing area', () => {
  it('leaves the area out of the content when none is chosen, so the content is what it was before areas existed', () => {
    const content = toContent(filled());
    expect('providingAreaId' in content).toBe(false);
    expect('providingAreaId' in shipmentContentSchema.parse(content)).toBe(false);
  });

  it('sends the chosen area, and starts from the one a saved shipment names', () => {
    const content = shipmentContentSchema.parse(toContent({ ...filled(), providingAreaId: 'area-cee' }));
    expect(content.providingAreaId).toBe('area-cee');
    const reopened = initialValues({ content } as Parameters<typeof initialValues>[0]);
    expect(reopened.providingAreaId).toBe('area-cee');
    expect(initialValues().providingAreaId).toBeNull();
  });
});
