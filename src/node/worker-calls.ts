import { Worker, type WorkerOptions } from 'node:worker_threads';

/** What a worker thread posts back for each call: its id, and why it failed when it did. */
export interface CallReply {
  id: number;
  failure?: string;
}

/** The reply a worker thread posts for call `id` once `work` settles. */
export function replyTo(id: number, work: Promise<unknown>): Promise<CallReply> {
  return work.then(
    () => ({ id }),
    (error: unknown) => ({ id, failure: error instanceof Error ? error.message : String(error) }),
  );
}

/**
 * A worker thread that answers each call once, by id (CallReply). Should it fail or exit, every
 * call waiting and every later one fails: messages to an exited thread are dropped, and would
 * otherwise wait forever.
 */
export class WorkerCalls<M extends object> {
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  readonly #exited: Promise<void>;
  #dead: Error | undefined;
  #next = 0;

  /** Starts the thread; throws when it cannot be started. */
  constructor(url: URL, name: string, options?: WorkerOptions) {
    const worker = new Worker(url, options);
    this.#worker = worker;
    this.#exited = new Promise((resolve) => worker.once('exit', () => resolve()));
    worker.on('message', ({ id, failure }: CallReply) => {
      const pending = this.#pending.get(id);
      this.#pending.delete(id);
      if (failure === undefined) pending?.resolve();
      else pending?.reject(new Error(failure));
    });
    const fail = (error: Error) => {
      this.#dead ??= error;
      for (const pending of this.#pending.values()) pending.reject(this.#dead);
      this.#pending.clear();
    };
    worker.on('error', fail);
    worker.once('exit', (code) => fail(new Error(`${name} exited (${code})`)));
  }

  /** Sends `message` with a new id; settles with the thread's reply to it. */
  call(message: M): Promise<void> {
    if (this.#dead) return Promise.reject(this.#dead);
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ ...message, id });
    });
  }

  /** Sends a message that gets no reply (a stop). */
  post(message: object): void {
    this.#worker.postMessage(message);
  }

  /** Sends `{ type: 'close' }` and resolves once the thread has exited. */
  async close(): Promise<void> {
    this.#worker.postMessage({ type: 'close' });
    await this.#exited;
  }
}

/** Waits for every task, then throws the first failure, if any. */
export async function settleAll(tasks: Iterable<Promise<unknown>>): Promise<void> {
  const failed = (await Promise.allSettled(tasks)).find((task) => task.status === 'rejected');
  if (failed) throw failed.reason;
}
