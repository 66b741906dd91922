import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { APP_CONFIG, AppConfig } from '@lr/config';
import { NotificationEntity, PersonEntity } from '@lr/database';
import type { NotificationJob } from '@lr/queue';
import { recipientOf } from './people';
import { RequestStore } from './request-store';

/**
 * Sends a notification by e-mail through SMTP. At least once: a send that fails is retried by its job; a worker
 * that dies between sending and marking may send it once more.
 */
@Injectable()
export class EmailNotificationsUseCase implements OnApplicationShutdown {
  private readonly transport?: Transporter;

  constructor(
    private readonly store: RequestStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    if (config.smtpUrl) this.transport = createTransport(config.smtpUrl);
  }

  async send(job: NotificationJob): Promise<'sent' | 'skipped'> {
    const em = this.store.dataSource.manager;
    const notification = await em.findOneBy(NotificationEntity, { id: job.notificationId });
    if (!notification || notification.emailStatus !== 'pending' || !this.transport)
      return 'skipped';
    const person = await em.findOneByOrFail(PersonEntity, recipientOf(notification));
    await this.transport.sendMail({
      from: this.config.mailFrom,
      to: person.email,
      subject: `Leerroutes: ${notification.message.slice(0, 80)}`,
      text: `${notification.message}\n\nOpen the request in Leerroutes to see the details.`,
    });
    await em.update(
      NotificationEntity,
      { id: notification.id, emailStatus: 'pending' },
      { emailStatus: 'sent' },
    );
    return 'sent';
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
