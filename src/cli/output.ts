import { writeSync } from 'node:fs';

/**
 * Standard output that fails the way command-line tools should (issue 9 row 6). A reader that stops
 * early (`entropy-lens … | head -c 10`) closes the pipe: that is EPIPE, and the right answer is to
 * stop quietly, as `yes | head` does. Any other write error (`> /dev/full`: ENOSPC) is one line on
 * standard error and exit status 1, never Node's stack trace for an unhandled 'error' event.
 */
export function guardStandardOutput(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') {
      process.exit(process.exitCode ?? 0);
    }
    try {
      writeSync(2, `entropy-lens: cannot write the output: ${error.code ? `${error.code}: ` : ''}${describe(error)}\n`);
    } finally {
      process.exit(1);
    }
  });
}

/** Node's message without the syscall and path it repeats ("ENOSPC: no space left on device, write"). */
function describe(error: NodeJS.ErrnoException): string {
  const message = error.message.replace(/^[A-Z]+: /, '').replace(/, write$/, '');
  return message || 'write failed';
}
