import { AddressInfo } from 'net';
import { SMTPServer } from 'smtp-server';

export interface Mail {
  to: string;
  subject: string;
  body: string;
}

/** An SMTP reply that refuses: 4xx asks the sender to try again, 5xx refuses for good. */
export interface Refusal {
  code: number;
  message: string;
}

export interface MailServer {
  /** What Leerroutes is given as SMTP_URL. */
  url: string;
  close(): Promise<void>;
}

const refusal = ({ code, message }: Refusal) =>
  Object.assign(new Error(message), { responseCode: code });

/**
 * Stands in for an institution's mail server, on a free port of 127.0.0.1. Each recipient, then each whole
 * message, may be refused; the messages it accepts are kept in `received`.
 */
export async function startMailServer(
  options: {
    received?: Mail[];
    recipient?: (address: string) => Refusal | undefined;
    message?: (mail: Mail) => Refusal | undefined;
  } = {},
): Promise<MailServer> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const refused = options.recipient?.(address.address);
      callback(refused && refusal(refused));
    },
    onData(stream, session, callback) {
      let body = '';
      stream.on('data', (chunk: Buffer) => (body += chunk.toString()));
      stream.on('end', () => {
        const mail = {
          to: session.envelope.rcptTo.map((r) => r.address).join(','),
          subject: /^Subject: (.*)$/m.exec(body)?.[1] ?? '',
          body,
        };
        const refused = options.message?.(mail);
        if (refused) return callback(refusal(refused));
        options.received?.push(mail);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
