import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { APP_CONFIG, AppConfig } from '@lr/config';
import { NotificationEntity, PersonEntity } from '@lr/database';
import { FailedForGoodError, NotificationJob } from '@lr/queue';
import { recipientOf } from '../shared/people';
import { RequestStore } from '../writer/request-store';

/** RFC 5321: a 5xx reply is permanent, the same message sent again gets the same answer; 4xx is worth a retry. */
const isPermanentRefusal = (error: unknown): boolean => {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
};

/**
 * Sends a notification by e-mail through SMTP. At least once: a send that fails is retried by its job; a worker
 * that dies between sending and marking may send it once more. An e-mail that cannot go out (a permanent
 * refusal, no address, or every retry failed) is marked failed and never tried again.
 */
@Injectable()
export class EmailNotificationsUseCase implements OnApplicationShutdown {
  private readonly logger = new Logger(EmailNotificationsUseCase.name);
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
    const person = await em.findOneBy(PersonEntity, recipientOf(notification));
    if (!person) return this.giveUp(job, `No person ${notification.recipientId} to send it to.`);
    if (!person.email) return this.giveUp(job, 'The recipient has no e-mail address.');
    const sending = this.transport.sendMail({
      from: this.config.mailFrom,
      to: person.email,
      subject: `Leerroutes: ${notification.message.slice(0, 80)}`,
      text: `${notification.message}\n\nOpen the request in Leerroutes to see the details.`,
    });
    await sending.catch((error: Error) => {
      if (isPermanentRefusal(error)) return this.giveUp(job, error.message);
      throw error;
    });
    await em.update(
      NotificationEntity,
      { id: notification.id, emailStatus: 'pending' },
      { emailStatus: 'sent' },
    );
    return 'sent';
  }

  /**
   * Called by the worker once the last retry failed, or by the reconciler when the worker died before it could:
   * the e-mail is given up on. Does nothing when it was already.
   */
  retriesExhausted(job: NotificationJob, attempts: number, lastError: string): Promise<boolean> {
    return this.markFailed(job, `After ${attempts} attempts: ${lastError}`);
  }

  /** Gives up on a pending e-mail, with the reason for administrators; does nothing when it is not pending. */
  private async markFailed(job: NotificationJob, reason: string): Promise<boolean> {
    const { affected } = await this.store.dataSource.manager.update(
      NotificationEntity,
      { id: job.notificationId, emailStatus: 'pending' },
      { emailStatus: 'failed', emailFailedAt: this.store.now(), emailFailedReason: reason },
    );
    if (!affected) return false;
    this.logger.warn(`E-mail for notification ${job.notificationId} failed for good: ${reason}`);
    return true;
  }

  private async giveUp(job: NotificationJob, reason: string): Promise<never> {
    await this.markFailed(job, reason);
    throw new FailedForGoodError(reason);
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
