import 'server-only';
import { direct } from '@/lib/db';
import { whole, type DirectTx } from '@/lib/database/direct';
import { Prisma } from '@/lib/generated/prisma/client';
import { IMPORT_MAX_BYTES } from './limits';

// The uploaded file, kept in the database in pieces (ImportFileChunk) of 48 KB, so that whichever process
// runs or resumes the job reads the same bytes, and nothing is left on one machine's disk.

// Small enough that no piece (nor PostgreSQL's hex text of it) is a large object for V8, which only
// a full collection frees: 1 MB pieces made the heap of a PostgreSQL import peak 90 MB higher.
const CHUNK_BYTES = 48 * 1024;
/** Pieces read per query. */
const READ_PIECES = 16;

export class FileTooLargeError extends Error {
  constructor() {
    super('The file is larger than the import allows');
  }
}

/**
 * Stores `source` as the job's file, piece by piece as it arrives (never all of it in memory).
 * Throws FileTooLargeError past IMPORT_MAX_BYTES. Answers its size in bytes.
 */
export async function storeImportFile(
  jobId: string,
  source: AsyncIterable<Uint8Array>,
): Promise<number> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let total = 0;
  let index = 0;
  const flush = async () => {
    const data = Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    await direct.run(Prisma.sql`INSERT INTO "ImportFileChunk" ("jobId", "index", "data")
      VALUES (${jobId}, ${index++}, ${data})`);
  };
  for await (const piece of source) {
    total += piece.byteLength;
    if (total > IMPORT_MAX_BYTES) throw new FileTooLargeError();
    pending.push(Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength));
    pendingBytes += piece.byteLength;
    if (pendingBytes >= CHUNK_BYTES) await flush();
  }
  if (pendingBytes > 0) await flush();
  return total;
}

/** The job's file, piece by piece, in order. */
export async function* readImportFile(jobId: string): AsyncGenerator<Uint8Array> {
  const [{ pieces }] = await direct.rows(Prisma.sql`SELECT COUNT(*) AS "pieces"
    FROM "ImportFileChunk" WHERE "jobId" = ${jobId}`);
  for (let from = 0; from < whole(pieces); from += READ_PIECES) {
    const rows = await direct.rows(Prisma.sql`SELECT "index", "data" FROM "ImportFileChunk"
      WHERE "jobId" = ${jobId} AND "index" >= ${from} AND "index" < ${from + READ_PIECES}
      ORDER BY "index"`);
    for (const [offset, row] of rows.entries()) {
      if (whole(row.index) !== from + offset) {
        throw new Error(`Import job ${jobId}: piece ${from + offset} of its file is missing`);
      }
      yield row.data as Uint8Array;
    }
  }
}

/** Deletes the job's file (the job is over, or it was never usable). */
export async function deleteImportFile(tx: DirectTx, jobId: string): Promise<void> {
  await tx.run(Prisma.sql`DELETE FROM "ImportFileChunk" WHERE "jobId" = ${jobId}`);
}
