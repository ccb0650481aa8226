/**
 * Run before each test file (vitest's setupFiles), also where files share a worker's modules:
 * registers the file's teardown, which a module-level hook would register for the first file only.
 */
import { afterAll } from 'vitest';
import { endOfFile } from './db.js';

afterAll(endOfFile);
