import type { DomainHandlers } from '../ipc/handler-table';
import type { AreaService } from './area-service';

/** The office's areas. */
export function areaHandlers(areas: AreaService) {
  return {
    'areas.list': (_, { ws }) => areas.list(ws),
    'areas.create': ({ area }, { ws, user }) => areas.create(ws, user, area),
    'areas.update': ({ areaId, area }, { ws, user }) => areas.update(ws, user, areaId, area),
    'areas.deactivate': ({ areaId }, { ws, user }) => areas.deactivate(ws, user, areaId),
  } satisfies DomainHandlers;
}
