// The build's content check on a thread of its own (checkInBackground, src/node/background-check.ts),
// then, once content has passed, the pages' QR codes drawn into the build cache while the build's
// thread is still busy with Astro's content sync and bundle, and the search engine's WebAssembly
// recompressed for the index writers.
import { parentPort, workerData } from 'node:worker_threads';
import { type CheckMessage, type CheckRequest, checkedContent } from './background-check.ts';
import { printedAddresses, warmQrCodes } from './qr-warmup.ts';
import { lendContentBytes } from '../data/content-bytes.ts';

const request = workerData as CheckRequest;
// The edition records too are read from the bytes the build read first.
lendContentBytes(request.read);
const port = parentPort!;
const post = (message: CheckMessage) => port.postMessage(message);

/** The check, then the codes; the content read is let go with this call. */
async function checkAndDraw(): Promise<boolean> {
  // One core: the build's own thread starts Astro and syncs content on the other meanwhile.
  const { issues, content } = await checkedContent(request, { parallel: false });
  post({ type: 'checked', issues });
  if (!issues.length && request.qrCodes)
    try {
      warmQrCodes(printedAddresses(content, request.qrCodes.siteUrl));
    } catch {
      // Only time is lost: a page draws a code the cache lacks itself.
    }
  post({ type: 'qr-codes' });
  return !issues.length;
}

if ((await checkAndDraw()) && request.searchEngine) {
  // Loaded only now: the check, which holds the build back, starts without them.
  const [engine, { warmWasm }, { RECORD_LANGUAGE }] = await Promise.all([
    import('pagefind'),
    import('./engine-files.ts'),
    import('./page-records.ts'),
  ]);
  try {
    await warmWasm(engine, RECORD_LANGUAGE);
  } catch {
    // Only time is lost: the index writers recompress it themselves.
  } finally {
    await engine.close().catch(() => undefined);
  }
}
post({ type: 'search-engine' });
