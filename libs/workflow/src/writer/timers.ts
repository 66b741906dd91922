import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@lr/config';
import { ComponentEntity } from '@lr/database';
import { DecisionSettings, TimerName, reminderAt, timersOf } from '@lr/domain';
import { InstitutionRegistry } from '@lr/institutions';
import { ComponentJob } from '@lr/queue';
import { offeringOf } from '../shared/offering-of';

export interface PlannedTimer {
  queue: string;
  name: TimerName;
  data: ComponentJob;
  runAt: Date;
}

/**
 * The timers a component has in its state and version (the domain's timersOf), as jobs on its institutions'
 * queues: for the reconciler, which re-creates any that Redis lost, and for a moved enrolment deadline. A
 * transition's own timers are part of its decision.
 */
@Injectable()
export class TimerPlanner {
  private readonly settings: DecisionSettings;

  constructor(
    private readonly registry: InstitutionRegistry,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.settings = { decisionReminderDays: config.decisionReminderDays };
  }

  reminderAt(component: ComponentEntity): Date | undefined {
    return component.decisionDueAt ? reminderAt(component.decisionDueAt, this.settings) : undefined;
  }

  async timersFor(em: EntityManager, component: ComponentEntity): Promise<PlannedTimer[]> {
    const { enrolmentDeadline } = await offeringOf(em, component.offeringId);
    const data = {
      requestId: component.requestId,
      componentId: component.id,
      expectedVersion: component.version,
    };
    return timersOf({ ...component, enrolmentDeadline }, this.settings).map((timer) => ({
      queue: this.registry.get(
        timer.side === 'home' ? component.homeInstitutionCode : component.hostInstitutionCode,
      ).queue,
      name: timer.name,
      data,
      runAt: timer.runAt,
    }));
  }
}
