import type { DomainHandlers } from '../ipc/handler-table';
import type { DirectoryService } from './directory-service';

/** Agencies, agreements and the report catalogue. */
export function directoryHandlers(directory: DirectoryService) {
  return {
    'agencies.list': (_, { ws }) => directory.list(ws),
    'agencies.get': ({ agencyId }, { ws }) => directory.detail(ws, agencyId),
    'agencies.save': ({ agencyId, agency }, { ws, user }) => directory.save(ws, user, agencyId, agency),
    'agencies.eligibility': ({ agencyId, date }, { ws }) => directory.eligibility(ws, agencyId, date),
    'agencies.importPreview': ({ file }, { ws, user }) => directory.importPreview(ws, user, file),
    'agencies.importApply': ({ file }, { ws, user }) => directory.importApply(ws, user, file),
    'agreements.save': ({ agreementId, agreement, document }, { ws, user }) => directory.saveAgreement(ws, user, agreementId, agreement, document),
    'agreements.document': ({ agreementId }, { ws }) => directory.agreementDocument(ws, agreementId),
    'reports.overview': (_, { ws }) => directory.overview(ws),
    'reports.saveReport': ({ reportId, report }, { ws, user }) => directory.saveReport(ws, user, reportId, report),
    'reports.saveObligation': ({ obligationId, obligation, active }, { ws, user }) => directory.saveObligation(ws, user, obligationId, obligation, active),
    'reports.loadExample': (_, { ws, user }) => directory.loadExample(ws, user),
    'reports.removeExample': (_, { ws, user }) => directory.removeExample(ws, user),
  } satisfies DomainHandlers;
}
