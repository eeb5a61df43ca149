// The build's content check on a thread of its own (checkInBackground, src/node/background-check.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { type CheckRequest, contentErrors } from './background-check.ts';

// One core: the build's own thread starts Astro and syncs content on the other meanwhile.
parentPort!.postMessage(await contentErrors(workerData as CheckRequest, { parallel: false }));
