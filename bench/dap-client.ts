import { spawn, type ChildProcess } from 'node:child_process';

/**
 * A minimal Debug Adapter Protocol client over a child process's stdio (Content-Length framing), for
 * the benchmark: it drives the real debugpy adapter as VS Code would, without VS Code around it.
 */
export class DapClient {
  readonly #child: ChildProcess;
  #buffer = Buffer.alloc(0);
  #seq = 1;
  readonly #pending = new Map<number, (message: DapMessage) => void>();
  readonly #listeners: ((message: DapMessage) => void)[] = [];

  constructor(command: string, args: readonly string[]) {
    this.#child = spawn(command, args, { stdio: ['pipe', 'pipe', 'ignore'] });
    this.#child.stdout!.on('data', (chunk: Buffer) => this.#receive(chunk));
  }

  /** Sends a request; resolves with its response's body, rejects with the adapter's message. */
  request(command: string, args: unknown): Promise<Record<string, unknown>> {
    const seq = this.#seq++;
    const text = JSON.stringify({ seq, type: 'request', command, arguments: args });
    this.#child.stdin!.write(`Content-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`);
    return new Promise((resolve, reject) => {
      this.#pending.set(seq, (response) => (response.success ? resolve(response.body ?? {}) : reject(new Error(response.message ?? `${command} failed`))));
    });
  }

  /** The next event named `name`. */
  event(name: string): Promise<DapMessage> {
    return new Promise((resolve) => {
      const listener = (message: DapMessage) => {
        if (message.type !== 'event' || message.event !== name) return;
        this.#listeners.splice(this.#listeners.indexOf(listener), 1);
        resolve(message);
      };
      this.#listeners.push(listener);
    });
  }

  close(): void {
    this.#child.kill();
  }

  #receive(chunk: Buffer): void {
    this.#buffer = Buffer.concat([this.#buffer, chunk]);
    for (;;) {
      const header = this.#buffer.indexOf('\r\n\r\n');
      if (header < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.#buffer.subarray(0, header).toString())?.[1]);
      if (this.#buffer.length < header + 4 + length) return;
      const message = JSON.parse(this.#buffer.subarray(header + 4, header + 4 + length).toString()) as DapMessage;
      this.#buffer = this.#buffer.subarray(header + 4 + length);
      if (message.type === 'response') {
        const settle = this.#pending.get(message.request_seq!);
        this.#pending.delete(message.request_seq!);
        settle?.(message);
      } else for (const listener of [...this.#listeners]) listener(message);
    }
  }
}

export interface DapMessage {
  readonly type: 'response' | 'event' | 'request';
  readonly event?: string;
  readonly request_seq?: number;
  readonly success?: boolean;
  readonly message?: string;
  readonly body?: Record<string, unknown>;
}
