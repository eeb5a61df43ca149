// A search index writer (IndexWriters, src/node/index-writer.ts): a Pagefind service of this
// thread's own, writing one group's index at a time.
import { parentPort } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import { type IndexMessage, writeGroupIndex } from './index-writer.ts';
import { replyTo } from './worker-calls.ts';

let stopped = false;
const port = parentPort!;
port.on('message', (message: IndexMessage) => {
  switch (message.type) {
    case 'stop':
      stopped = true;
      return;
    case 'close':
      void pagefind.close().finally(() => port.close());
      return;
    case 'write':
      void replyTo(
        message.id,
        writeGroupIndex(pagefind, message.job, () => stopped),
      ).then((reply) => port.postMessage(reply));
  }
});
