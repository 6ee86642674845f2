import { GetObjectCommand, DeleteObjectsCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { loadConfig } from '@ci/platform';

// Decision 0007: runners upload straight to S3 with presigned URLs.
const s3 = new S3Client({ region: process.env.AWS_REGION ?? 'us-east-1' });

export function artifactKey(orgId: string, buildId: string, name: string): string {
  return `${orgId}/${buildId}/${name.replace(/[^A-Za-z0-9._-]/g, '_')}`;
}

export async function uploadUrl(key: string, contentType = 'application/octet-stream'): Promise<string> {
  return getSignedUrl(s3, new PutObjectCommand({ Bucket: loadConfig().artifactBucket, Key: key, ContentType: contentType }), { expiresIn: 900 });
}

export async function downloadUrl(key: string): Promise<string> {
  return getSignedUrl(s3, new GetObjectCommand({ Bucket: loadConfig().artifactBucket, Key: key }), { expiresIn: 300 });
}

export async function deleteObjects(keys: string[]): Promise<void> {
  for (let i = 0; i < keys.length; i += 1000) {
    const batch = keys.slice(i, i + 1000).map((Key) => ({ Key }));
    await s3.send(new DeleteObjectsCommand({ Bucket: loadConfig().artifactBucket, Delete: { Objects: batch } }));
  }
}
