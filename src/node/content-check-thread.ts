// The build's content check on a thread of its own (checkInBackground, src/node/background-check.ts),
// then, once content has passed, the pages' QR codes drawn into the build cache while the build's
// thread is still busy with Astro's content sync and bundle.
import { parentPort, workerData } from 'node:worker_threads';
import { type CheckMessage, type CheckRequest, checkedContent } from './background-check.ts';
import { printedAddresses, warmQrCodes } from './qr-warmup.ts';

const request = workerData as CheckRequest;
const port = parentPort!;
const post = (message: CheckMessage) => port.postMessage(message);
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
