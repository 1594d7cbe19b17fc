import type { Topic } from '../contact/schema';

/**
 * A reader's message as staff see it. Types and the list of statuses only, no queries: the
 * admin components import this file, and lib/db (which stores these messages) imports its types.
 */

export const MESSAGE_STATUSES = ['new', 'read', 'replied', 'spam'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];
/** The topics of the contact form (lib/contact/schema.ts); contact_messages' CHECK constraint lists the same. */
export type MessageTopic = Topic;

export interface InboxMessage {
  id: number;
  reference: string;
  receivedMs: number;
  locale: 'en' | 'zh';
  name: string;
  email: string;
  topic: MessageTopic;
  message: string;
  status: MessageStatus;
  statusChangedMs: number | null;
}
