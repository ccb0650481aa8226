// The entry of a ledger-reading worker thread (see off-thread.ts). Plain JavaScript, so that it
// starts the same under tsx, Vitest or anything else: it loads the TypeScript reader through tsx.
import { tsImport } from 'tsx/esm/api';

await tsImport('./read-worker.ts', import.meta.url);
