import fs from 'node:fs/promises';
import path from 'node:path';
import type { MessageSigner } from '../../application/ports/message-signer.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import { generateNodeKey, joseMessageSigner, type NodeKey } from './jose-signatures.ts';

/** The node's key file: kept outside the repository, readable by the Cordon user only. */
export interface KeyFile {
  readonly authorityId: string;
  readonly keys: readonly NodeKey[];
}

export async function readKeyFile(file: string): Promise<KeyFile | undefined> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  // A key file written by an older version (or copied in) may be readable by others: tighten it.
  await fs.chmod(file, 0o600).catch(() => undefined);
  return JSON.parse(text) as KeyFile;
}

async function writeKeyFile(file: string, content: KeyFile): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${String(process.pid)}.tmp`;
  await fs.writeFile(temporary, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
  // Explicitly, whatever the umask or a file left by an older version: the private key is ours alone.
  await fs.chmod(temporary, 0o600);
  await fs.rename(temporary, file);
}

/**
 * `cordon exchange keygen`: creates the key file with a first key, or (with `rotate`) adds a new
 * key and gives the previous ones `overlapDays` of validity, during which partners accept both.
 */
export async function generateKeyFile(
  file: string,
  options: {
    readonly authorityId: string;
    readonly rotate: boolean;
    readonly overlapDays: number;
    readonly now: Date;
  },
): Promise<Result<{ readonly keyFile: KeyFile; readonly created: NodeKey }, string>> {
  const existing = await readKeyFile(file);
  if (existing !== undefined && !options.rotate) {
    return err(
      `${file} already holds a key for ${existing.authorityId}; use --rotate to add a new one`,
    );
  }
  if (existing === undefined && options.rotate)
    return err(`${file} does not exist: run keygen without --rotate first`);
  if (existing !== undefined && existing.authorityId !== options.authorityId) {
    return err(`${file} belongs to ${existing.authorityId}, not ${options.authorityId}`);
  }
  const created = await generateNodeKey(options.now);
  const until = new Date(options.now.getTime() + options.overlapDays * 86_400_000).toISOString();
  const keys = [
    ...(existing?.keys ?? []).map((k) =>
      k.validUntil === undefined ? { ...k, validUntil: until } : k,
    ),
    created,
  ];
  const keyFile = { authorityId: options.authorityId, keys };
  await writeKeyFile(file, keyFile);
  return ok({ keyFile, created });
}

/** The node's signer from its key file, or why it has none. */
export async function loadNodeSigner(
  file: string,
  authorityId: string | undefined,
): Promise<Result<MessageSigner, string>> {
  let keyFile: KeyFile | undefined;
  try {
    keyFile = await readKeyFile(file);
  } catch (error) {
    return err(`The exchange key file ${file} cannot be read: ${(error as Error).message}`);
  }
  if (keyFile === undefined || keyFile.keys.length === 0) {
    return err(
      `This node has no exchange key: run \`cordon exchange keygen --authority <ID>\` (key file ${file}).`,
    );
  }
  if (authorityId !== undefined && authorityId !== keyFile.authorityId) {
    return err(
      `CORDON_AUTHORITY_ID is ${authorityId} but the key file ${file} belongs to ${keyFile.authorityId}.`,
    );
  }
  return ok(await joseMessageSigner(keyFile.authorityId, keyFile.keys));
}
