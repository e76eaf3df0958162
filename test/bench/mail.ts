// npm run bench:mail — 10,000 invitation mails from outbox rows to an SMTP sink,
// end to end through the relay and the mail worker with default settings, and
// raw nodemailer (same pool size, same rendered messages, same sink) as the
// physical limit. Prints both rates, their ratio and peak memory.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@roundtable/config';
import { MailTemplateRegistry, OutboxRelayService, OutboxService } from '@roundtable/notifications';
import { createTransport } from 'nodemailer';
import { DataSource } from 'typeorm';
import { SmtpSink } from '../support/smtp-sink';
import { dropBenchDatabase } from './bench-database';

const COUNT = Number(process.env.BENCH_MAILS ?? 10_000);

async function main(): Promise<void> {
  const sink = await SmtpSink.start({ keep: false });
  const runId = Date.now().toString(36);
  Object.assign(process.env, {
    DB_NAME: `roundtable_bench_${runId}`,
    REDIS_PREFIX: `rt-bench-${runId}`,
    SMTP_URL: sink.url,
    LOG_LEVEL: 'warn',
    DEMO_SEED: 'never',
  });
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const config = loadConfig();
  // imported late so the module reads the environment set above
  const { WorkerAppModule } = await import('../../apps/worker/src/worker-app.module');
  const app = await NestFactory.createApplicationContext(WorkerAppModule, { logger: ['error', 'warn'] });
  await app.init();

  const messages = Array.from({ length: COUNT }, (_, i) => ({
    type: 'invitation',
    dedupeKey: `bench-invitation:${i}`,
    recipient: {
      email: `delegate${i}@bench.example`,
      name: `Delegate ${i}`,
      locale: (['zh', 'ru', 'en'] as const)[i % 3],
    },
    payload: {
      eventName: '12th China-Russia SME Cooperation Roundtable',
      inviterName: 'Wang Fang',
      registrationUrl: `http://localhost:3000/register?invitation=${i}`,
      role: 'delegate',
    },
  }));

  // The api's part (writing the rows) is timed apart; the pipeline runs from committed outbox rows to the sink.
  const ds = app.get(DataSource);
  const outbox = app.get(OutboxService);
  const relay = app.get(OutboxRelayService);
  await relay.onModuleDestroy(); // hold the relay while the rows go in
  const enqueueStarted = Date.now();
  for (let i = 0; i < messages.length; i += 1000) {
    await ds.transaction((em) => outbox.enqueue(em, ...messages.slice(i, i + 1000)));
  }
  const enqueueSeconds = (Date.now() - enqueueStarted) / 1000;
  const started = Date.now();
  relay.start();
  while (sink.accepted < COUNT) await new Promise((r) => setTimeout(r, 20));
  const pipelineSeconds = (Date.now() - started) / 1000;
  const pipelinePeak = peakRss;

  // raw nodemailer: same pool size, same rendered messages, same sink
  const registry = app.get(MailTemplateRegistry);
  const rendered = messages.map((m) => ({
    to: m.recipient,
    ...registry.render(m.type, m.payload, {
      locale: m.recipient.locale,
      recipient: m.recipient,
      baseUrl: config.app.publicUrl,
    }),
  }));
  const raw = createTransport({
    url: sink.url,
    pool: true,
    maxConnections: config.mail.poolSize,
    maxMessages: 500,
  } as Parameters<typeof createTransport>[0]);
  const before = sink.accepted;
  const rawStarted = Date.now();
  await Promise.all(
    rendered.map((r) =>
      raw.sendMail({
        from: config.mail.from,
        to: { name: r.to.name, address: r.to.email },
        subject: r.subject,
        text: r.text,
        html: r.html,
      }),
    ),
  );
  const rawSeconds = (Date.now() - rawStarted) / 1000;
  raw.close();
  if (sink.accepted - before !== COUNT) throw new Error('raw run lost mails');

  clearInterval(sampler);
  await app.close();
  await sink.stop();
  await dropBenchDatabase(config.db);

  const pipelineRate = COUNT / pipelineSeconds;
  const rawRate = COUNT / rawSeconds;
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
  console.log(
    `\nbench:mail — ${COUNT} invitation mails, SMTP pool ${config.mail.poolSize}, concurrency ${config.mail.concurrency}, rate limit ${config.mail.ratePerSecond}/s`,
  );
  console.log(
    `  writing the outbox rows (the api's part): ${(COUNT / enqueueSeconds).toFixed(0)} rows/s (${enqueueSeconds.toFixed(1)} s)`,
  );
  console.log(
    `  outbox rows → relay → Bull → worker → SMTP : ${pipelineRate.toFixed(0)} mails/s (${pipelineSeconds.toFixed(1)} s), peak RSS ${mb(pipelinePeak)} MB`,
  );
  console.log(`  raw nodemailer, same pool and messages: ${rawRate.toFixed(0)} mails/s (${rawSeconds.toFixed(1)} s)`);
  console.log(
    `  ratio ${(pipelineRate / rawRate).toFixed(2)} (target >= 0.60); peak RSS over the whole run ${mb(peakRss)} MB`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
