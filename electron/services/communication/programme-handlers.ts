import type { DomainHandlers } from '../ipc/handler-table';
import type { ProgrammeService } from './programme-service';

/** Comunicación Social's annual programme, its calendar and its planned-versus-done report. */
export function programmeHandlers(programme: ProgrammeService) {
  return {
    'programme.get': ({ year }, { ws }) => programme.get(ws, year),
    'programme.saveActivity': ({ year, activityId, activity }, { ws, user }) => programme.saveActivity(ws, user, year, activityId, activity),
    'programme.removeActivity': ({ year, activityId }, { ws, user }) => programme.removeActivity(ws, user, year, activityId),
    'programme.saveDate': ({ year, dateId, date }, { ws, user }) => programme.saveDate(ws, user, year, dateId, date),
    'programme.removeDate': ({ year, dateId }, { ws, user }) => programme.removeDate(ws, user, year, dateId),
    'programme.saveGoal': ({ year, goalId, goal }, { ws, user }) => programme.saveGoal(ws, user, year, goalId, goal),
    'programme.removeGoal': ({ year, goalId }, { ws, user }) => programme.removeGoal(ws, user, year, goalId),
    'programme.loadExample': (_, { ws, user }) => programme.loadExample(ws, user),
    'programme.removeExample': (_, { ws, user }) => programme.removeExample(ws, user),
    'programme.calendar': ({ year, month }, { ws }) => programme.calendar(ws, year, month),
    'programme.exportIcs': ({ from, to }, { ws, user }) => programme.exportIcs(ws, user, from, to),
    'programme.report': ({ year, month }, { ws }) => programme.report(ws, year, month),
    'programme.reportPdf': ({ year, month }, { ws, user }) => programme.reportPdf(ws, user, year, month),
    'programme.reportCsv': ({ year, month }, { ws, user }) => programme.reportCsv(ws, user, year, month),
  } satisfies DomainHandlers;
}
