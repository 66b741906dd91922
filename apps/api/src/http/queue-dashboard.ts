import { Injectable, OnModuleInit } from '@nestjs/common';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { BullBoardInstance, InjectBullBoard } from '@bull-board/nestjs';
import { QueuesService } from '@lr/queue';

/** Shows every institution's queue on the dashboard; the queues come from the registry, not from decorators. */
@Injectable()
export class QueueDashboard implements OnModuleInit {
  constructor(
    @InjectBullBoard() private readonly board: BullBoardInstance,
    private readonly queues: QueuesService,
  ) {}

  onModuleInit(): void {
    // Read-only: jobs carry ids only, and no one pauses or empties another institution's queue from here.
    for (const queue of this.queues.all()) {
      this.board.addQueue(new BullMQAdapter(queue, { readOnlyMode: true }));
    }
  }
}
