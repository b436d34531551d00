import { createHash } from 'node:crypto';
import type { ContentHasher } from '../../application/ports/content-hasher.ts';

/** SHA-256 through node:crypto. */
export const nodeContentHasher: ContentHasher = {
  sha256: (content) => createHash('sha256').update(content).digest('hex'),
};
