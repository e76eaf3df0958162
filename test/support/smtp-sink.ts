import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, SMTPServerDataStream, SMTPServerSession } from 'smtp-server';

export interface CapturedMail {
  parsed: ParsedMail;
  raw: string;
  envelopeTo: string[];
  receivedAt: number;
}

type Failure = { code: number; message: string };

/**
 * An in-process SMTP server that keeps what it receives, parsed with
 * mailparser, and can be told to answer with failures: the next N messages,
 * given recipients, or every login. It can also hold its answer to DATA until
 * released, to stop a sender mid-conversation.
 */
export class SmtpSink {
  readonly mails: CapturedMail[] = [];
  private readonly dataFailures: Failure[] = [];
  private readonly recipientFailures = new Map<string, Failure>();
  private authFailure: Failure | null = null;
  private hold: { reached: () => void; release: Promise<boolean> } | null = null;
  private acceptedWaiter: (() => void) | null = null;
  private server!: SMTPServer;
  port = 0;

  /** Wait this long before answering each DATA: a slow server, so a sender can be killed mid-batch. */
  answerDelayMs = 0;

  /** Messages accepted, also counted when `keep` is false (benchmarks: no parsing, no memory growth). */
  accepted = 0;

  private constructor(private readonly keep: boolean) {}

  static async start(options: { keep?: boolean } = {}): Promise<SmtpSink> {
    const sink = new SmtpSink(options.keep ?? true);
    sink.server = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      authOptional: true,
      logger: false,
      size: 10 * 1024 * 1024,
      onAuth: (_auth, _session, callback) => {
        const failure = sink.authFailure;
        if (failure) return callback(Object.assign(new Error(failure.message), { responseCode: failure.code }));
        callback(null, { user: 'test' });
      },
      onRcptTo: (address, _session, callback) => {
        const failure = sink.recipientFailures.get(address.address.toLowerCase());
        if (failure) return callback(Object.assign(new Error(failure.message), { responseCode: failure.code }));
        callback();
      },
      onData: (stream, session, callback) => void sink.receive(stream, session, callback),
    });
    sink.server.on('error', () => undefined); // clients killed mid-conversation reset their sockets
    await new Promise<void>((resolve) => sink.server.listen(0, '127.0.0.1', resolve));
    sink.port = (sink.server.server.address() as { port: number }).port;
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** The next `count` messages are answered with this code after DATA. */
  failNext(count: number, code: number, message = 'Try again later'): void {
    for (let i = 0; i < count; i++) this.dataFailures.push({ code, message });
  }

  rejectRecipient(address: string, code: number, message = 'No such user'): void {
    this.recipientFailures.set(address.toLowerCase(), { code, message });
  }

  acceptRecipient(address: string): void {
    this.recipientFailures.delete(address.toLowerCase());
  }

  failLogins(code: number | null, message = 'Authentication credentials invalid'): void {
    this.authFailure = code === null ? null : { code, message };
  }

  /**
   * Holds the answer to the next DATA. Resolves, once a message reached that
   * point, with a release function: `release()` answers 250 and keeps the
   * message; `release(false)` drops it, as a server does when the client
   * vanished before the final answer.
   */
  holdNextData(): Promise<(deliver?: boolean) => void> {
    let release!: (deliver?: boolean) => void;
    const released = new Promise<boolean>((resolve) => (release = (deliver = true) => resolve(deliver)));
    return new Promise((resolve) => {
      this.hold = { reached: () => resolve(release), release: released };
    });
  }

  /** Resolves right after the next message has been answered 250. */
  nextAccepted(): Promise<void> {
    return new Promise((resolve) => (this.acceptedWaiter = resolve));
  }

  byRecipient(address: string): CapturedMail[] {
    return this.mails.filter((m) => m.envelopeTo.includes(address.toLowerCase()));
  }

  async waitFor(predicate: (mails: CapturedMail[]) => boolean, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.mails)) {
      if (Date.now() > deadline)
        throw new Error(`SMTP sink: condition not met within ${timeoutMs} ms (${this.mails.length} mails)`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async receive(
    stream: SMTPServerDataStream,
    session: SMTPServerSession,
    callback: (error?: Error | null) => void,
  ): Promise<void> {
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of stream) chunks.push(chunk as Buffer);
    } catch {
      return; // the client went away mid-message: nothing was delivered
    }
    if (this.answerDelayMs > 0) await new Promise((r) => setTimeout(r, this.answerDelayMs));
    const failure = this.dataFailures.shift();
    if (failure) return callback(Object.assign(new Error(failure.message), { responseCode: failure.code }));
    const hold = this.hold;
    if (hold) {
      this.hold = null;
      hold.reached();
      if (!(await hold.release)) return callback(Object.assign(new Error('Connection lost'), { responseCode: 421 }));
    }
    this.accepted += 1;
    if (!this.keep) return callback();
    const raw = Buffer.concat(chunks).toString('utf8');
    this.mails.push({
      parsed: await simpleParser(raw),
      raw,
      envelopeTo: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
      receivedAt: Date.now(),
    });
    callback();
    const waiter = this.acceptedWaiter;
    this.acceptedWaiter = null;
    waiter?.();
  }
}

/** The template a captured mail was rendered from (the sender's X-Roundtable-Type header). */
export function mailType(mail: CapturedMail): string {
  const value = mail.parsed.headers.get('x-roundtable-type');
  return typeof value === 'string' ? value : '';
}
