export { postSystemMessage, reply, thread } from './conversation.service';
export type { ThreadMessage } from './conversation.service';
export { addInternalNote } from './internal-notes';
export { downloadUrl, prepareUpload } from './attachments';
