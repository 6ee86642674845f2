import mongoose, { Schema } from 'mongoose';

// Kept outside PostgreSQL because revisions are large and rarely read.
const revisionSchema = new Schema(
  {
    tenantId: { type: String, required: true, index: true },
    articleId: { type: String, required: true, index: true },
    editorId: String,
    title: String,
    body: String,
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);

const Revision = mongoose.models.Revision ?? mongoose.model('Revision', revisionSchema);

export async function recordRevision(tenantId: string, articleId: string, editorId: string, title: string, body: string): Promise<void> {
  if (mongoose.connection.readyState === 0) {
    await mongoose.connect(process.env.REVISIONS_MONGO_URL ?? 'mongodb://localhost:27017/helpdesk');
  }
  await Revision.create({ tenantId, articleId, editorId, title, body });
}

export async function revisionsOf(tenantId: string, articleId: string, limit = 20) {
  return Revision.find({ tenantId, articleId }).sort({ createdAt: -1 }).limit(limit).lean();
}
