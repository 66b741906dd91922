import { Injectable } from '@nestjs/common';
import { Actor, ConflictError, findTransition, isSettled } from '@lr/domain';
import { RequestStore, DecisionOutcome } from '../writer/request-store';

/** The student withdraws a component, or the whole request, as long as no host has enrolled them. */
@Injectable()
export class WithdrawUseCase {
  constructor(private readonly store: RequestStore) {}

  async component(
    actor: Actor,
    requestId: string,
    componentId: string,
    reason?: string,
  ): Promise<DecisionOutcome> {
    return this.store.decideOnComponent(actor, requestId, componentId, (locked) => {
      this.store.authorize(actor, 'component.withdraw', locked);
      return this.store.transition(locked, { event: 'withdraw', actor, motivation: reason });
    });
  }

  async request(actor: Actor, requestId: string, reason?: string): Promise<DecisionOutcome> {
    return this.store.decideOnRequest(actor, requestId, async (em, request, components, now) => {
      this.store.authorizeRequest(actor, 'request.withdraw', request, components);
      const open = components.filter((c) => !isSettled(c.state));
      const blocking = open.filter((c) => !findTransition(c.state, 'withdraw'));
      if (open.length === 0 || blocking.length > 0) {
        throw new ConflictError(
          'REQUEST.CANNOT_WITHDRAW',
          open.length === 0
            ? 'Nothing left to withdraw: every component is closed.'
            : 'A host has enrolled you for part of this request; withdraw the other components one by one.',
          { components: blocking.map((c) => ({ id: c.id, state: c.state })) },
        );
      }
      for (const component of open) {
        await this.store.transition(
          { em, request, component, components, now },
          { event: 'withdraw', actor, motivation: reason },
        );
      }
    });
  }
}
