import { courierInputSchema, custodyEventInputSchema, custodyFilterSchema, type CourierFields, type CourierInput, type CustodyEventFields, type CustodyEventInput, type CustodyFilter, type CustodyFilterInput } from '../../../shared/domain/custody';
import { printInputSchema, type PrintInput, type PrintRequest } from '../../../shared/domain/printing';
import type { ShipmentAction } from '../../../shared/domain/shipment-states';
import {
  actionPayloadSchemas,
  shipmentContentSchema,
  shipmentFilterSchema,
  type ActionPayload,
  type ActionPayloadInput,
  type ShipmentContent,
  type ShipmentContentInput,
  type ShipmentFilter,
  type ShipmentFilterInput,
} from '../../../shared/domain/shipments';

/**
 * The services take input as dispatch hands it over: parsed by the channel's
 * schema, defaults filled in. Tests and benchmarks that call a service
 * directly write what a screen would send and parse it here with the same
 * schema, so a fixture that a screen could not send fails loudly (a ZodError)
 * instead of reaching the service.
 */
export const parsed = {
  content: (input: ShipmentContentInput): ShipmentContent => shipmentContentSchema.parse(input),
  filter: (input: ShipmentFilterInput = {}): ShipmentFilter => shipmentFilterSchema.parse(input),
  print: (input: PrintInput): PrintRequest => printInputSchema.parse(input),
  custodyEvent: (input: CustodyEventInput): CustodyEventFields => custodyEventInputSchema.parse(input),
  custodyFilter: (input: CustodyFilterInput = {}): CustodyFilter => custodyFilterSchema.parse(input),
  courier: (input: CourierInput): CourierFields => courierInputSchema.parse(input),
  payload: <A extends ShipmentAction>(action: A, input: ActionPayloadInput<A>): ActionPayload<A> => {
    // The schemas are indexed by a generic action: TypeScript cannot follow `A` through the lookup.
    const schema = actionPayloadSchemas[action] as unknown as { parse: (value: unknown) => ActionPayload<A> };
    return schema.parse(input);
  },
};
