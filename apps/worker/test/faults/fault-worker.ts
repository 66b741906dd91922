// A worker process for the fault-injection suite: the real worker, with every host's own system failing a
// share of its calls (FAULT_HOST_FAILURE_RATE), and the hosts in FAULT_OWN_SYSTEMS connected to an OOAPI
// stand-in. Started from source by the suite, killed and restarted at will.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadConfig } from '@lr/config';
import { closeOnSignals, preflight, startupFailure } from '@lr/core';
import {
  AdmissionAnnouncement,
  OoapiConnection,
  REGISTERED_INSTITUTIONS,
  StudentInformationSystem,
  StudentRecord,
  SystemContext,
  TuitionProof,
  TuitionQuery,
} from '@lr/institutions';
import { WorkerAppModule } from '../../src/worker-app.module';

class UnreliableHostSystem implements StudentInformationSystem {
  constructor(
    private readonly inner: StudentInformationSystem,
    private readonly failureRate: number,
  ) {}

  announceAdmission(announcement: AdmissionAnnouncement): Promise<{ reference: string }> {
    if (Math.random() < this.failureRate) {
      return Promise.reject(new Error('injected fault: host system unavailable'));
    }
    return this.inner.announceAdmission(announcement);
  }

  // Faults go into the host's announcement only: failing the home's proof as well would double the failures per
  // delivery attempt and change what the suite measures. tuition-proof.e2e-spec covers the proof's failures.
  proofOfPaidTuition(query: TuitionQuery): Promise<TuitionProof | null> {
    return this.inner.proofOfPaidTuition(query);
  }

  studentRecord(subject: string): Promise<StudentRecord | null> {
    return this.inner.studentRecord(subject);
  }
}

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  await preflight(config);
  const failureRate = Number(process.env.FAULT_HOST_FAILURE_RATE ?? '0.3');
  // The hosts the suite connects to its unreliable stand-in of an OOAPI system (which fails on its own).
  const ownSystems = JSON.parse(process.env.FAULT_OWN_SYSTEMS ?? '{}') as Record<
    string,
    OoapiConnection
  >;
  // The institutions the suite serves: the demo institution with its own system is not among them.
  const institutions = REGISTERED_INSTITUTIONS.filter((d) => !d.ooapi).map((d) => ({
    ...d,
    studentInformationSystem: (context: SystemContext) =>
      new UnreliableHostSystem(d.studentInformationSystem(context), failureRate),
    ...(ownSystems[d.code] ? { ooapi: ownSystems[d.code] } : {}),
  }));
  const app = await NestFactory.createApplicationContext(
    WorkerAppModule.forRoot({ config, institutions }),
    {
      bufferLogs: true,
    },
  );
  app.useLogger(app.get(Logger));
  closeOnSignals(app, app.get(Logger), config.shutdownTimeoutMs);
  app.get(Logger).log('Worker started');
}

bootstrap().catch(startupFailure);
