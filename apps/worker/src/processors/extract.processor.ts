import { OnWorkerEvent, Processor } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { ObservedWorkerHost } from './observed-worker-host';
import { ExtractArticleService, PermanentExtractionError } from '@claimdesk/core';
import { QueueName, WORKER_LIVENESS, requireJobData, type JobDataByQueue } from '@claimdesk/queue';

@Processor(QueueName.Extract, { concurrency: 2, ...WORKER_LIVENESS })
export class ExtractProcessor extends ObservedWorkerHost {
  constructor(private readonly extraction: ExtractArticleService) {
    super();
  }

  async process(job: Job<JobDataByQueue['extract']>): Promise<string> {
    const { articleId } = requireJobData(QueueName.Extract, job);
    try {
      return await this.extraction.extract(articleId);
    } catch (error) {
      if (error instanceof PermanentExtractionError) {
        await this.extraction.markFailed(articleId, error.message);
        throw new UnrecoverableError(error.message);
      }
      throw error;
    }
  }

  /**
   * Retries exhausted on a transient error: the article is marked FAILED with the reason, not left
   * hanging. A job without its article id (a record that lost its data) names no article to fail.
   */
  @OnWorkerEvent('failed')
  async onFailed(job: Job<JobDataByQueue['extract']> | undefined, error: Error): Promise<void> {
    if (!job) return;
    const exhausted = job.attemptsMade >= (job.opts.attempts ?? 1) || error instanceof UnrecoverableError;
    this.logger.warn(`extract ${job.id} attempt ${job.attemptsMade} failed: ${error.message}`);
    const articleId = job.data?.articleId;
    if (exhausted && articleId) await this.extraction.markFailed(articleId, error.message).catch(() => undefined);
  }
}
