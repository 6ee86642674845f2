import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { NotFoundError, prisma, requirePermission } from '@/server/platform';

// Decision 0011: bytes in S3, metadata in the attachments table.
const s3 = new S3Client({ region: process.env.AWS_REGION ?? 'eu-central-1' });
const bucket = process.env.ATTACHMENTS_BUCKET ?? 'helpdesk-attachments';
const MAX_BYTES = 20 * 1024 * 1024;

export async function prepareUpload(messageId: string, fileName: string, contentType: string, sizeBytes: number): Promise<{ attachmentId: string; uploadUrl: string }> {
  const { tenantId } = requirePermission('ticket.reply');
  if (sizeBytes > MAX_BYTES) {
    throw new Error(`attachments are limited to ${MAX_BYTES / 1024 / 1024} MB`);
  }
  const objectKey = `${tenantId}/${messageId}/${crypto.randomUUID()}`;
  const attachment = await prisma.attachment.create({ data: { tenantId, messageId, objectKey, fileName, contentType, sizeBytes } });
  const uploadUrl = await getSignedUrl(s3, new PutObjectCommand({ Bucket: bucket, Key: objectKey, ContentType: contentType }), { expiresIn: 300 });
  return { attachmentId: attachment.id, uploadUrl };
}

export async function downloadUrl(attachmentId: string): Promise<string> {
  const { tenantId } = requirePermission('ticket.read');
  const attachment = await prisma.attachment.findFirst({ where: { id: attachmentId, tenantId } });
  if (!attachment) {
    throw new NotFoundError('attachment', attachmentId);
  }
  return getSignedUrl(s3, new GetObjectCommand({ Bucket: bucket, Key: attachment.objectKey }), { expiresIn: 60 });
}
