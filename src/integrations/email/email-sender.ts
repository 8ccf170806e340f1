import { createHash } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { EmailConfig } from '../notification-config.js';
import { messageText, messageTitle, type TitleMessage } from '../notification-message.js';
import { TargetError } from '../http/target-error.js';

/** SMTP reply codes from 500 up are permanent (RFC 5321 §4.2.1); 4xx and connection failures pass. */
const isPermanent = (code: number | undefined) => code !== undefined && code >= 500 && code < 600 && code !== 554;

function transport(config: EmailConfig) {
  return nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    ...(config.username ? { auth: { user: config.username, pass: config.password ?? '' } } : {}),
    connectionTimeout: config.timeoutMs,
    greetingTimeout: config.timeoutMs,
    socketTimeout: config.timeoutMs,
  });
}

/** One e-mail to every configured recipient over SMTP; returns the server's answer ("250 … queued as …"). */
export async function sendEmailMessage(config: EmailConfig, message: TitleMessage): Promise<string> {
  const mailer = transport(config);
  try {
    const info = await mailer.sendMail({
      from: config.from,
      to: config.to,
      subject: messageTitle(message),
      text: messageText(message),
      date: new Date(message.occurredAt),
      // The same for every attempt of one notification: a mail client that received a copy whose answer was
      // lost (a timeout after the server accepted it) shows the retry as the same message.
      messageId: `<${createHash('sha256').update(message.id).digest('hex').slice(0, 32)}@reelflow.local>`,
    });
    return `SMTP ${info.response}`;
  } catch (error) {
    const code = (error as { responseCode?: number }).responseCode;
    throw new TargetError(
      `SMTP ${config.host}:${config.port} refused the message: ${error instanceof Error ? error.message : String(error)}`,
      {
        target: 'E-mail',
        endpoint: `smtp://${config.host}:${config.port}`,
        status: code,
        retryable: !isPermanent(code),
        cause: error,
      },
    );
  } finally {
    mailer.close();
  }
}
