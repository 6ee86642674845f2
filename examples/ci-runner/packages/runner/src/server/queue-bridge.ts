import { childLogger, loadConfig } from '@ci/platform';
import type { JobPayload } from '../protocol';

const log = childLogger('queue-bridge');

/**
 * Experiment for the v2 distributed runners: mirror every enqueued job to RabbitMQ so we can
 * measure routing by runner label. Off unless RABBITMQ_URL is set.
 */
export async function mirrorToRabbit(org: string, payload: JobPayload): Promise<void> {
  const url = process.env.RABBITMQ_URL;
  if (!url) {
    return;
  }
  const amqp = await import('amqplib');
  const connection = await amqp.connect(url);
  try {
    const channel = await connection.createChannel();
    const exchange = `jobs.${loadConfig().publicUrl.includes('staging') ? 'staging' : 'prod'}`;
    await channel.assertExchange(exchange, 'topic', { durable: true });
    channel.publish(exchange, `${org}.${payload.labels.join('.')}`, Buffer.from(JSON.stringify(payload)));
    await channel.close();
  } catch (error) {
    log.warn({ error }, 'mirroring to RabbitMQ failed');
  } finally {
    await connection.close();
  }
}
