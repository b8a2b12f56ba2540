import type { AddressInfo } from "node:net";

import { SMTPServer } from "smtp-server";

type ReceivedMail = { to: string[]; raw: string; headers: string; body: string };

/**
 * A real SMTP server in this process that keeps every message it accepts (for tests). `delayMs`
 * holds each answer back, like a slow mail server.
 */
export async function startTestSmtpServer(options: { reject?: () => boolean; delayMs?: number } = {}) {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      let raw = "";
      stream.setEncoding("utf8");
      stream.on("data", (chunk: string) => (raw += chunk));
      stream.on("end", () => {
        setTimeout(() => {
          if (options.reject?.())
            return callback(Object.assign(new Error("451 Try again later"), { responseCode: 451 }));
          const split = raw.indexOf("\r\n\r\n");
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
            headers: raw.slice(0, split).replace(/\r\n(?=[ \t])/g, ""),
            body: decodeQuotedPrintable(raw.slice(split + 4)),
          });
          callback();
        }, options.delayMs ?? 0);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Enough quoted-printable decoding (RFC 2045) to read links out of a message body. */
function decodeQuotedPrintable(text: string): string {
  return text
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
