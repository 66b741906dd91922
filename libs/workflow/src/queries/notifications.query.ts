import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { NotificationEntity } from '@lr/database';
import { Actor, authorizeObject } from '@lr/domain';
import { Page, PageQuery, offsetOf } from './pagination';
import { notificationsOf, recipientOf } from '../shared/people';
import { RequestStore } from '../writer/request-store';

/** A person's own notifications, newest first. */
@Injectable()
export class NotificationsQuery {
  constructor(private readonly store: RequestStore) {}

  async list(
    actor: Actor,
    query: PageQuery & { unread?: boolean },
  ): Promise<Page<NotificationEntity>> {
    const [items, total] = await this.store.dataSource.manager.findAndCount(NotificationEntity, {
      where: { ...notificationsOf(actor), ...(query.unread ? { readAt: IsNull() } : {}) },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: offsetOf(query),
      take: query.pageSize,
    });
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async markRead(actor: Actor, id: string): Promise<NotificationEntity> {
    const em = this.store.dataSource.manager;
    // Someone else's notification is as unknown as one that does not exist.
    const notification = authorizeObject(
      actor,
      'notification.mark-read',
      await em.findOneBy(NotificationEntity, { id }),
      (n) => ({ owner: recipientOf(n) }),
      { kind: 'notification', id },
    );
    if (!notification.readAt) {
      notification.readAt = this.store.now();
      await em.update(NotificationEntity, { id }, { readAt: notification.readAt });
    }
    return notification;
  }
}
