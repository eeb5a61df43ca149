// A worker of the content check (checkAhead in report-folders.ts): one file's own checks for
// each file it is given, posted back in the same order.
import { parentPort, workerData } from 'node:worker_threads';
import { checkJob, type FileToCheck } from './report-folders.ts';

parentPort?.postMessage((workerData as FileToCheck[]).map(checkJob));
