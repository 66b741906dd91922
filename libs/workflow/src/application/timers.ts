import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@lr/config';
import { ComponentEntity } from '@lr/database';
import { addDays, startOfNextDutchDay } from '@lr/domain';
import { InstitutionRegistry } from '@lr/institutions';
import { ComponentJob, writeOutbox } from '@lr/queue';
import { offeringOf } from './offering-of';

export type TimerName =
  'timer.decision-reminder' | 'timer.decision-overdue' | 'timer.enrolment-deadline';

export interface PlannedTimer {
  queue: string;
  name: TimerName;
  data: ComponentJob;
  runAt: Date;
}

/**
 * Which timers a component has in its state and version: the exam board's decision term (a reminder, then the
 * overdue notice) while it waits for the board, and the enrolment deadline while the host has it. Timers
 * are delayed jobs; a transition removes the old version's and adds the new version's, and the reconciler
 * re-creates any that Redis lost.
 */
@Injectable()
export class TimerPlanner {
  constructor(
    private readonly registry: InstitutionRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  reminderAt(component: ComponentEntity): Date | undefined {
    return component.decisionDueAt
      ? addDays(component.decisionDueAt, -this.config.decisionReminderDays)
      : undefined;
  }

  async timersFor(em: EntityManager, component: ComponentEntity): Promise<PlannedTimer[]> {
    const data = {
      requestId: component.requestId,
      componentId: component.id,
      expectedVersion: component.version,
    };
    switch (component.state) {
      case 'awaiting_approval':
      case 'awaiting_recognition': {
        const due = component.decisionDueAt;
        if (!due) return [];
        const queue = this.registry.get(component.homeInstitutionCode).queue;
        return [
          { queue, name: 'timer.decision-reminder', data, runAt: this.reminderAt(component)! },
          { queue, name: 'timer.decision-overdue', data, runAt: due },
        ];
      }
      // Only once the host has it: before that, delivery itself refuses after the deadline, with that reason.
      case 'awaiting_admission':
      case 'waitlisted': {
        const offering = await offeringOf(em, component.offeringId);
        const queue = this.registry.get(component.hostInstitutionCode).queue;
        return [
          {
            queue,
            name: 'timer.enrolment-deadline',
            data,
            runAt: startOfNextDutchDay(offering.enrolmentDeadline),
          },
        ];
      }
      case 'draft':
      case 'approved':
      case 'rejected_by_exam_board':
      case 'rejected_by_host':
      case 'enrolled':
      case 'result_recorded':
      case 'recognised':
      case 'not_recognised':
      case 'registered':
      case 'withdrawn':
      case 'expired':
        return [];
    }
  }

  /** In the transaction of a transition: the timers of the state left go, those of the state reached come. */
  async replan(
    em: EntityManager,
    before: ComponentEntity,
    after: ComponentEntity,
    now: Date,
  ): Promise<void> {
    const [gone, coming] = await Promise.all([
      this.timersFor(em, before),
      this.timersFor(em, after),
    ]);
    await writeOutbox(
      em,
      [
        ...gone.map((t) => ({
          queueName: t.queue,
          name: t.name,
          data: t.data,
          operation: 'remove' as const,
        })),
        ...coming.map((t) => ({
          queueName: t.queue,
          name: t.name,
          data: t.data,
          operation: 'add' as const,
          runAt: t.runAt,
        })),
      ],
      now,
    );
  }
}
