// Prints a receipt on a network thermal printer: raw ESC/POS over TCP (port 9100), so a counter
// needs no print server or driver.
import { connect as netConnect } from 'node:net';
import { CodedError } from '../../shared/coded-error.ts';
import type { ReceiptContent } from '../../shared/receipt.ts';
import { encodeReceipt } from './escpos-layout.ts';
import type { ThermalPaper } from './escpos-layout.ts';

export type PrintErrorCode = 'invalid' | 'unreachable' | 'not_found' | 'interrupted';

export class PrintError extends CodedError<PrintErrorCode> {
  override readonly name = 'PrintError';
}

/** The part of `net.Socket` the printer uses, so tests can hand in one that never connects. */
export interface SocketLike {
  once(event: 'connect', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  write(data: Uint8Array, callback?: (error?: Error | null) => void): boolean;
  end(callback?: () => void): unknown;
  destroy(error?: Error): unknown;
}

export interface EscposTarget {
  host: string;
  port: number;
  paper: ThermalPaper;
}

export interface EscposPrinter {
  print(receipt: ReceiptContent, target: EscposTarget): Promise<void>;
}

export interface EscposPrinterOptions {
  connect?: (host: string, port: number) => SocketLike;
  /** Longest wait for the printer to accept the connection and take the bytes. */
  timeoutMs?: number;
}

export const DEFAULT_PRINT_TIMEOUT_MS = 8000;
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'EHOSTDOWN',
  'EADDRNOTAVAIL',
]);

export function createEscposPrinter({
  connect = (host, port) => netConnect({ host, port }),
  timeoutMs = DEFAULT_PRINT_TIMEOUT_MS,
}: EscposPrinterOptions = {}): EscposPrinter {
  return {
    async print(receipt, { host, port, paper }) {
      if (host.trim() === '' || !Number.isInteger(port) || port < 1 || port > 65535) {
        throw new PrintError(
          'invalid',
          'The receipt printer address is not complete. Enter its IP address and port in Settings.',
        );
      }
      const bytes = encodeReceipt(receipt, paper);
      const where = `${host}:${port}`;
      const unreachable = (cause?: unknown): PrintError =>
        new PrintError(
          'unreachable',
          `The receipt printer at ${where} did not answer. Check it is on and connected, or print to the system printer.`,
          { cause },
        );

      await new Promise<void>((resolve, reject) => {
        let connected = false;
        let settled = false;
        const socket = connect(host, port);
        const finish = (error?: PrintError): void => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          if (error) {
            socket.destroy();
            reject(error);
          } else {
            resolve();
          }
        };
        const timer = setTimeout(() => finish(unreachable()), timeoutMs);

        // `on`, not `once`: a late second error must not go unhandled and crash the app.
        socket.on('error', (error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN') {
            finish(
              new PrintError(
                'not_found',
                `The receipt printer address "${host}" could not be found. Check the printer address in Settings, or print to the system printer.`,
                { cause: error },
              ),
            );
          } else if (!connected || UNREACHABLE.has(error.code ?? '')) {
            finish(unreachable(error));
          } else {
            finish(
              new PrintError(
                'interrupted',
                `The connection to the receipt printer at ${where} broke while printing. Check the receipt and print it again if it is incomplete.`,
                { cause: error },
              ),
            );
          }
        });
        socket.once('connect', () => {
          connected = true;
          socket.write(bytes);
          // `end` calls back once every byte has been handed to the network: the printer has the job.
          socket.end(() => finish());
        });
      });
    },
  };
}
