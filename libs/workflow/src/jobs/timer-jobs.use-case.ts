import { Injectable } from '@nestjs/common';
import { SYSTEM_ACTOR, TIMER_NOTICES, startOfNextDutchDay } from '@lr/domain';
import { ComponentJob, NotYetDueError } from '@lr/queue';
import { offeringOf } from '../shared/offering-of';
import { Notifier } from '../writer/notifier';
import { Locked, RequestStore } from '../writer/request-store';
import { TimerPlanner } from '../writer/timers';

type Outcome = 'done' | 'skipped';

/**
 * What a timer does when it fires. A decision moves the component's version, so a timer of an older version
 * does nothing; a timer that fires early by the workflow's clock is put back to wait (NotYetDueError).
 */
@Injectable()
export class TimerJobsUseCase {
  constructor(
    private readonly store: RequestStore,
    private readonly notifier: Notifier,
    private readonly planner: TimerPlanner,
  ) {}

  decisionReminder(job: ComponentJob): Promise<Outcome> {
    return this.whenDue(
      job,
      (c) => this.planner.reminderAt(c.component),
      (locked) =>
        this.notifier.notify(locked.em, {
          ...locked,
          kind: 'decision_reminder',
          audiences: TIMER_NOTICES.decision_reminder,
        }),
    );
  }

  decisionOverdue(job: ComponentJob): Promise<Outcome> {
    return this.whenDue(
      job,
      (c) => c.component.decisionDueAt ?? undefined,
      (locked) =>
        this.notifier.notify(locked.em, {
          ...locked,
          kind: 'decision_overdue',
          audiences: TIMER_NOTICES.decision_overdue,
        }),
    );
  }

  enrolmentDeadline(job: ComponentJob): Promise<Outcome> {
    let deadline = '';
    return this.whenDue(
      job,
      async ({ em, component }) => {
        deadline = (await offeringOf(em, component.offeringId)).enrolmentDeadline;
        return startOfNextDutchDay(deadline);
      },
      async (locked) => {
        await this.store.transition(locked, {
          event: 'expire',
          actor: { ...SYSTEM_ACTOR, institutionCode: locked.component.hostInstitutionCode },
          motivation:
            locked.component.state === 'waitlisted'
              ? `No place became free before the enrolment deadline of ${deadline}; the waiting list has closed.`
              : `The host did not decide before the enrolment deadline of ${deadline}.`,
        });
      },
    );
  }

  private whenDue(
    job: ComponentJob,
    dueAt: (locked: Locked) => Promise<Date | undefined> | Date | undefined,
    act: (locked: Locked) => Promise<void>,
  ): Promise<Outcome> {
    return this.store.withComponent(
      SYSTEM_ACTOR,
      job.requestId,
      job.componentId,
      async (locked) => {
        if (locked.component.version !== job.expectedVersion) return 'skipped';
        const due = await dueAt(locked);
        if (!due) return 'skipped';
        const remaining = due.getTime() - locked.now.getTime();
        if (remaining > 0) throw new NotYetDueError(remaining);
        await act(locked);
        return 'done';
      },
    );
  }
}
