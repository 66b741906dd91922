import type { Actor, ComponentState } from '@lr/domain';
import type { InboxItem, InboxKind, RequestView } from '@lr/workflow';
import { BenchSignIn } from '../lib/bearer-tokens';
import { BenchHttpClient, expectStatus } from '../lib/http-client';
import { watchInbox } from '../lib/inbox-watcher';
import { sleep, stopwatch } from '../lib/timing';
import { JourneyCast, decidesOn } from './journey-cast';

export interface DriverOptions {
  journeys: number;
  /** Journeys in flight: each student slot starts the next journey when its last one is registered. */
  concurrency: number;
  /** How long a party with nothing new in its inbox waits before looking again. */
  inboxPollMs: number;
}

export interface DriverOutcome {
  seconds: number;
  completed: number;
  failed: number;
  /** The first few failures, to say what went wrong. */
  failures: string[];
}

/** One journey in ten brings fewer credits home than approved, so the home exam board decides recognition. */
const DEVIATING_EVERY = 10;
/** No step of any journey for this long means something is stuck (a job that never ran, say). */
const STALL_MS = 60_000;
const FAILURES_KEPT = 5;

interface OpenJourney {
  deviates: boolean;
  registered: () => void;
  failed: (error: Error) => void;
}

/**
 * Whole route-5 journeys over HTTP, every party acting at once as its people would. Students compose and submit,
 * and wait for their credits; the home exam board, host admissions, the host registrar and the home registrar
 * each watch their inbox through the API (watchInbox: polling GET /inbox/:kind as their screens do, which is
 * load the API carries too) and act on what reaches it. The jobs between the steps (delivery to the host, the
 * result travelling home, automatic recognition) run in the worker processes.
 */
export class JourneyDriver {
  private readonly open = new Map<string, OpenJourney>();
  private started = 0;
  private completed = 0;
  private readonly failures: string[] = [];
  private failed = 0;
  private finished = false;
  private lastStepAt = Date.now();

  constructor(
    private readonly http: BenchHttpClient,
    private readonly tokens: BenchSignIn,
    private readonly cast: JourneyCast,
    private readonly options: DriverOptions,
  ) {
    if (cast.students.length < options.journeys) {
      throw new Error(
        `${options.journeys} journeys need as many students; there are ${cast.students.length}`,
      );
    }
  }

  async run(): Promise<DriverOutcome> {
    const { cast } = this;
    const watch = (
      actor: Actor,
      kind: InboxKind,
      act: (item: InboxItem) => Promise<void>,
      state?: ComponentState,
    ) =>
      watchInbox({
        http: this.http,
        token: this.tokens.for(actor),
        kind,
        state,
        pollMs: this.options.inboxPollMs,
        isOver: () => this.finished,
        act,
        // A failed step fails its journey, not the party: the others go on.
        failed: (item, error) => this.open.get(item.requestId)?.failed(error),
      });
    const parties = [
      ...[...new Set(cast.boardMemberFor.values())].map((member) =>
        watch(member, 'exam-board', (item) => this.decideAsExamBoard(member, item)),
      ),
      watch(cast.hostAdmissions, 'admissions', (item) => this.admit(item), 'awaiting_admission'),
      watch(cast.hostRegistrar, 'results', (item) => this.recordResult(item)),
      watch(cast.homeRegistrar, 'registrations', (item) => this.register(item)),
    ];
    const elapsed = stopwatch();
    const slots = Array.from({ length: this.options.concurrency }, () => this.studentSlot());
    const watchdog = this.watchdog();
    try {
      await Promise.race([Promise.all(slots), watchdog]);
    } finally {
      this.finished = true;
      await Promise.allSettled([...parties, watchdog]);
    }
    return {
      seconds: elapsed() / 1000,
      completed: this.completed,
      failed: this.failed,
      failures: this.failures,
    };
  }

  /** Ends the run early (a process crashed): the parties stop watching, no new journey starts. */
  abort(): void {
    this.finished = true;
    this.started = this.options.journeys;
  }

  /** One student after another, each taking one journey from composing to registered credits. */
  private async studentSlot(): Promise<void> {
    while (this.started < this.options.journeys) {
      const index = this.started++;
      try {
        await this.journey(index);
        this.completed += 1;
      } catch (error) {
        this.failed += 1;
        if (this.failures.length < FAILURES_KEPT) this.failures.push((error as Error).message);
      }
    }
  }

  private async journey(index: number): Promise<void> {
    const student = this.cast.students[index];
    const token = this.tokens.for(student);
    const offeringId = this.cast.offeringIds[index % this.cast.offeringIds.length];
    const draft = expectStatus(
      await this.http.post<RequestView>('/requests', {
        token,
        body: {
          motivation: 'This learning route fits my graduation plan.',
          components: [
            {
              offeringId,
              countsAs: 'elective-space',
              motivation: 'This unit completes my profile.',
            },
          ],
        },
      }),
      201,
    );
    if (draft.components[0].route !== 5) {
      throw new Error(`Expected a route-5 component, got route ${draft.components[0].route}`);
    }
    const registered = new Promise<void>((resolve, reject) =>
      this.open.set(draft.id, {
        deviates: (index + 1) % DEVIATING_EVERY === 0,
        registered: resolve,
        failed: reject,
      }),
    );
    try {
      expectStatus(
        await this.http.post('/requests/:id/submit', { params: { id: draft.id }, token }),
        200,
      );
      this.stepTaken();
      await registered;
    } finally {
      this.open.delete(draft.id);
    }
  }

  private async decideAsExamBoard(member: Actor, item: InboxItem): Promise<void> {
    if (!decidesOn(this.cast, member, item)) return;
    const [action, decision] =
      item.state === 'awaiting_recognition'
        ? ['recognition', 'recognise']
        : ['approval', 'approve'];
    await this.decide(member, item, action, { decision, expectedVersion: item.version });
  }

  private async admit(item: InboxItem): Promise<void> {
    await this.decide(this.cast.hostAdmissions, item, 'admission', {
      decision: 'admit',
      expectedVersion: item.version,
    });
  }

  private async recordResult(item: InboxItem): Promise<void> {
    const deviates = this.open.get(item.requestId)?.deviates ?? false;
    await this.decide(this.cast.hostRegistrar, item, 'result', {
      grade: '7',
      passed: true,
      credits: deviates ? item.credits - 1 : item.credits,
      final: true,
      expectedVersion: item.version,
    });
  }

  private async register(item: InboxItem): Promise<void> {
    await this.decide(this.cast.homeRegistrar, item, 'registration', {}, 201);
    this.open.get(item.requestId)?.registered();
  }

  private async decide(
    actor: Actor,
    item: InboxItem,
    action: string,
    body: object,
    status = 200,
  ): Promise<void> {
    const response = await this.http.post(`/requests/:id/components/:componentId/${action}`, {
      params: { id: item.requestId, componentId: item.componentId },
      token: this.tokens.for(actor),
      body,
    });
    expectStatus(response, status);
    this.stepTaken();
  }

  private stepTaken(): void {
    this.lastStepAt = Date.now();
  }

  /** Fails the run when no journey has moved for STALL_MS; ends quietly once the run is over. */
  private async watchdog(): Promise<void> {
    while (!this.finished) {
      if (Date.now() - this.lastStepAt > STALL_MS) {
        throw new Error(
          `No journey moved for ${STALL_MS / 1000} s; ${this.open.size} were open, ` +
            `${this.completed} completed. First failures: ${this.failures.join('; ') || 'none'}`,
        );
      }
      await sleep(250);
    }
  }
}
