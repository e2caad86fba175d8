// Throughput of the whole extraction (segmentation, attribution, entities, topics, scoring,
// restatements, parts) in sentences per second on one core, over the real news corpus and the
// sample article, repeated for about two seconds after a warm-up. The value is per wall-clock second;
// `perCpuSecond` divides by the CPU time this process used instead, which is the one-core figure
// when other processes share the machine (wall-clock then also counts time spent descheduled).
import { readdirSync, readFileSync } from 'fs';
import { join, resolve } from 'path';
import { extractClaims, splitPlainText } from '@claimdesk/extraction';

const TARGET_MS = 2000;

function loadArticles(): Array<{ title: string; body: string }> {
  const shared = resolve(process.cwd(), '../shared');
  const files = [
    ...readdirSync(join(shared, 'corpus/news'))
      .filter((f) => f.endsWith('.txt'))
      .map((f) => join(shared, 'corpus/news', f)),
    join(shared, 'fixtures/articles/venezuela-us-secret-meetings.txt'),
  ];
  return files.map((f) => {
    const { title, body } = splitPlainText(readFileSync(f, 'utf8'));
    return { title, body };
  });
}

export async function benchExtraction(): Promise<{ name: string; value: number; unit: string; details?: object }[]> {
  const articles = loadArticles();
  const publishedAt = new Date('2019-08-21T00:00:00Z');
  let sentencesPerPass = 0;
  let chars = 0;
  // Warm-up: let the JIT settle and count the work in one pass.
  for (let i = 0; i < 20; i++) {
    for (const a of articles) {
      const r = extractClaims({ ...a, publishedAt });
      if (i === 0) {
        sentencesPerPass += r.claims.length;
        chars += a.body.length;
      }
    }
  }
  let passes = 0;
  const cpuStarted = process.cpuUsage();
  const started = process.hrtime.bigint();
  let elapsedMs = 0;
  while (elapsedMs < TARGET_MS) {
    for (const a of articles) extractClaims({ ...a, publishedAt });
    passes++;
    elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  }
  const cpu = process.cpuUsage(cpuStarted);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const sentences = passes * sentencesPerPass;
  return [
    {
      name: 'extraction.sentences_per_second',
      value: Math.round((sentences / elapsedMs) * 1000),
      unit: 'sentences/s',
      details: {
        articles: articles.length,
        sentencesPerPass,
        passes,
        elapsedMs: Math.round(elapsedMs),
        cpuMs: Math.round(cpuMs),
        perCpuSecond: Math.round((sentences / cpuMs) * 1000),
        charsPerSecond: Math.round(((passes * chars) / elapsedMs) * 1000),
        target: 5000,
      },
    },
  ];
}
