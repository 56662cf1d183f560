import { Alert } from '@mantine/core';
import { useParams } from 'react-router';
import { call } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { ShipmentEditor } from './ShipmentEditor';

/** Editing an existing shipment: the same form, starting from its content. */
export function EditShipmentPage() {
  const { shipmentId = '' } = useParams();
  const { data, error } = useLoad(() => call('shipments.get', { shipmentId }), [shipmentId]);
  if (error) return <Alert color="red">{error}</Alert>;
  if (!data) return null;
  return <ShipmentEditor detail={data} />;
}
