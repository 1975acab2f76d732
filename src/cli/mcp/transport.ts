import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { ClientRequestSchema, ErrorCode, JSONRPCMessageSchema, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

/**
 * MCP's stdio transport: one JSON-RPC message a line. The SDK's own stdio server transport drops a
 * line that is not JSON, or not JSON-RPC, with nothing sent back, and closes on a line over 10 MB;
 * a client then waits for an answer that never comes. This one answers such a line with the JSON-RPC
 * error it is (parse error, invalid request), keeps reading, and takes literals of a million numbers.
 * A known method with malformed params gets "invalid params" naming the field, where the SDK would
 * answer "internal error" with a dump of its schema check; so does a request the server refuses
 * before handling it (`refuse`: a call to a tool it does not have).
 */

/** Longest line accepted: a million 17-digit numbers is about 20 MB of JSON. */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

/** A request the server refuses with a JSON-RPC error before any handler sees it. */
export type Refusal = (request: { readonly method: string; readonly params?: unknown }) => { readonly code: ErrorCode; readonly message: string } | undefined;

/** Each request a client may send, by method name. */
const REQUEST_SCHEMAS = new Map(ClientRequestSchema.options.map((schema) => [schema.shape.method.value as string, schema]));

export class LineTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;

  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** Reading past the end of an over-long line, to the next newline. */
  private skipping = false;
  private closed = false;

  constructor(
    private readonly input: NodeJS.ReadableStream,
    private readonly output: NodeJS.WritableStream,
    private readonly maxMessageBytes = MAX_MESSAGE_BYTES,
    private readonly refuse: Refusal = () => undefined,
  ) {}

  start(): Promise<void> {
    this.input.on('data', this.onData);
    this.input.on('end', this.onEnd);
    this.input.on('error', this.onStreamError);
    this.output.on('error', this.onStreamError);
    return Promise.resolve();
  }

  async send(message: JSONRPCMessage): Promise<void> {
    if (this.closed) return;
    const text = `${JSON.stringify(message)}\n`;
    if (!this.output.write(text)) await new Promise<void>((resolve) => this.output.once('drain', resolve));
  }

  close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      this.input.off('data', this.onData);
      this.input.off('end', this.onEnd);
      this.onclose?.();
    }
    return Promise.resolve();
  }

  private readonly onData = (chunk: Buffer | string): void => {
    let data = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    for (let newline = data.indexOf(10); newline !== -1; newline = data.indexOf(10)) {
      this.take(data.subarray(0, newline));
      const line = Buffer.concat(this.pending, this.pendingBytes).toString('utf8');
      const skipped = this.skipping;
      this.pending = [];
      this.pendingBytes = 0;
      this.skipping = false;
      if (skipped) this.reject(ErrorCode.InvalidRequest, `message longer than ${this.maxMessageBytes} bytes`);
      else this.receive(line);
      data = data.subarray(newline + 1);
    }
    this.take(data);
  };

  private take(part: Buffer): void {
    if (this.skipping || part.length === 0) return;
    if (this.pendingBytes + part.length > this.maxMessageBytes) {
      this.pending = [];
      this.pendingBytes = 0;
      this.skipping = true;
      return;
    }
    this.pending.push(part);
    this.pendingBytes += part.length;
  }

  private receive(line: string): void {
    if (line.trim() === '') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch (error) {
      this.reject(ErrorCode.ParseError, `Parse error: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    const message = JSONRPCMessageSchema.safeParse(parsed);
    if (!message.success) {
      this.reject(ErrorCode.InvalidRequest, 'Invalid request: not a JSON-RPC 2.0 message', idOf(parsed));
      return;
    }
    if ('method' in message.data && 'id' in message.data) {
      const checked = REQUEST_SCHEMAS.get(message.data.method)?.safeParse(message.data);
      if (checked && !checked.success) {
        const problems = checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
        this.reject(ErrorCode.InvalidParams, `Invalid params for ${message.data.method}: ${problems}`, message.data.id);
        return;
      }
      const refusal = this.refuse(message.data);
      if (refusal) {
        this.reject(refusal.code, refusal.message, message.data.id);
        return;
      }
    }
    this.onmessage?.(message.data);
  }

  /** JSON-RPC answers a message it cannot read with an error; the id only when it could be read. */
  private reject(code: ErrorCode, message: string, id?: string | number): void {
    void this.send({ jsonrpc: '2.0', ...(id !== undefined ? { id } : {}), error: { code, message } });
  }

  private readonly onEnd = (): void => {
    void this.close();
  };

  private readonly onStreamError = (error: Error): void => {
    this.onerror?.(error);
    void this.close();
  };
}

function idOf(value: unknown): string | number | undefined {
  if (typeof value !== 'object' || value === null || !('id' in value)) return undefined;
  const { id } = value;
  return typeof id === 'string' || (typeof id === 'number' && Number.isInteger(id)) ? id : undefined;
}
