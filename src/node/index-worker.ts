// A search index writer (IndexWriters, src/node/index-writer.ts): a Pagefind service of this
// thread's own, writing one group's index at a time.
import { parentPort } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import { type IndexJob, type IndexReply, writeGroupIndex } from './index-writer.ts';

let stopped = false;
const port = parentPort!;
type Message = { type: 'write'; job: IndexJob } | { type: 'stop' } | { type: 'close' };

port.on('message', (message: Message) => {
  switch (message.type) {
    case 'stop':
      stopped = true;
      return;
    case 'close':
      void pagefind.close().finally(() => port.close());
      return;
    case 'write':
      writeGroupIndex(pagefind, message.job, () => stopped).then(
        () => port.postMessage({ ok: true } satisfies IndexReply),
        (error: unknown) =>
          port.postMessage({
            ok: false,
            message: error instanceof Error ? error.message : String(error),
          } satisfies IndexReply),
      );
  }
});
