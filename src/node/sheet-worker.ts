// Cuts section sheets on a thread of its own (SheetCutter, src/integrations/section-sheets.ts),
// one at a time, in the order they are given; none once the build has stopped (the shared flag
// it is started with, read before each sheet: a stop message would wait behind the sheets sent).
import { parentPort, workerData } from 'node:worker_threads';
import { cutSheet } from './sheet-cutting.ts';
import { type CallReply } from './worker-calls.ts';

export type SheetMessage =
  { type: 'cut'; id: number; outDir: string; cacheDir: string; folder: string } | { type: 'close' };

const stopFlag = workerData as Int32Array;
const port = parentPort!;
port.on('message', (message: SheetMessage) => {
  switch (message.type) {
    case 'close':
      port.close();
      return;
    case 'cut': {
      const { id, outDir, cacheDir, folder } = message;
      let failure: string | undefined;
      if (Atomics.load(stopFlag, 0) === 1) failure = 'the build stopped';
      else
        try {
          cutSheet(outDir, cacheDir, folder);
        } catch (error) {
          failure = error instanceof Error ? error.message : String(error);
        }
      port.postMessage((failure === undefined ? { id } : { id, failure }) satisfies CallReply);
    }
  }
});
