import { userInfo } from 'os';
import { DataSource } from 'typeorm';
import { AdmissionsService } from './admissions/admissions.service';
import { AdmissionAction } from './admissions/association-states';
import { OfferingChange, OfferingChangesService } from './catalogue/offering-changes.service';
import { HostConfig } from './config/host-config';
import { hostDataSourceOptions } from './database/host-data-source.options';
import { prepareHostDatabase } from './database/prepare-database';
import { HostError } from './host.errors';
import { personName } from './staff/staff-pages';

export const USAGE = `Usage: npm run ooapi-host -- <command>   (the demo institution system's staff, from a shell)
  list                                          the requests, newest first
  admit  <associationId>
  deny   <associationId> <reason...>
  queue  <associationId> [reason...]
  cancel <associationId> [reason...]
  result <associationId> <grade 1-10> <passed|failed> <YYYY-MM-DD> [provisional]
  offerings                                     the catalogue's offerings, with their places
  places    <offeringCode> <number>             change an offering's places
  enrol-end <offeringCode> <YYYY-MM-DD>         change the last day to enrol in it
  describe  <offeringCode> <text...>            change its description
Decisions and results are written with their callback; the running server (node dist/apps/ooapi-host/src/main.js)
sends it. A change of an offering reaches Leerroutes at its next synchronisation of the catalogue.`;

const DECISIONS: AdmissionAction[] = ['admit', 'deny', 'queue', 'cancel'];

/** The offering commands: each changes one thing, from the words after the offering's code. */
const OFFERING_CHANGES: Record<string, (words: string[]) => OfferingChange> = {
  places: ([places]) => ({ places: places === undefined ? Number.NaN : Number(places) }),
  'enrol-end': ([date]) => ({ enrolEndDate: date ?? '' }),
  describe: (words) => ({ description: words.join(' ') }),
};

/** Runs one staff command against the database; returns the exit code. */
export async function runHostCli(
  args: string[],
  config: HostConfig,
  write: (line: string) => void,
): Promise<number> {
  const [command, id, ...rest] = args;
  if (!command || (command !== 'list' && command !== 'offerings' && !id)) {
    write(USAGE);
    return command ? 2 : 0;
  }
  await prepareHostDatabase(config.databaseUrl);
  const dataSource = await new DataSource(hostDataSourceOptions(config.databaseUrl)).initialize();
  const admissions = new AdmissionsService(dataSource);
  const offerings = new OfferingChangesService(dataSource);
  const by = `cli:${userInfo().username}`;
  try {
    if (command === 'offerings') {
      for (const o of await offerings.list()) {
        write(
          `${o.code.padEnd(20)} ${o.period.padEnd(14)} places ${String(o.places).padEnd(4)} enrol until ${o.enrolEndDate}  ${o.course?.name ?? ''}`,
        );
      }
    } else if (Object.hasOwn(OFFERING_CHANGES, command)) {
      const offering = await offerings.change(id, OFFERING_CHANGES[command](rest));
      write(
        `${offering.code}: ${offering.places} places, enrol until ${offering.enrolEndDate}; ${offering.description}`,
      );
    } else if (command === 'list') {
      const associations = await admissions.list();
      if (associations.length === 0) write('No requests yet.');
      for (const a of associations) {
        write(
          `${a.id}  ${a.state.padEnd(10)} ${a.offering?.code ?? a.offeringId}  ${personName(a.person)}`,
        );
      }
    } else if ((DECISIONS as string[]).includes(command)) {
      const association = await admissions.decide(
        id,
        command as AdmissionAction,
        by,
        rest.join(' '),
      );
      write(`${association.id} is ${association.state}.`);
    } else if (command === 'result') {
      const [grade, pass, date, provisional] = rest;
      if (pass !== 'passed' && pass !== 'failed') {
        throw new HostError('INVALID', 'Say passed or failed after the grade.');
      }
      const result = await admissions.recordResult(
        id,
        {
          score: Number(grade),
          pass: pass === 'passed',
          resultDate: date ?? '',
          final: provisional !== 'provisional',
        },
        by,
      );
      write(
        `Result ${result.score.toFixed(1)} (${pass}) recorded for ${id}${result.correctsId ? ', correcting the one before' : ''}.`,
      );
    } else {
      write(USAGE);
      return 2;
    }
    return 0;
  } catch (error) {
    if (!(error instanceof HostError)) throw error;
    write(error.message);
    return 1;
  } finally {
    await dataSource.destroy();
  }
}
