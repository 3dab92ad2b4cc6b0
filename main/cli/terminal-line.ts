/**
 * Reading one line from the officer's terminal (docs/cli.md, "On a terminal, without an answers
 * file"). The terminal is put in a mode where Custos sees each key:
 * it echoes what is typed itself (nothing at all for a passphrase), handles Backspace and Ctrl-U,
 * and takes Ctrl-C as a key, so that a Ctrl-C at a question ends the run cleanly with the terminal
 * restored, instead of killing the process with echo left off. Whatever was typed before the
 * question appeared (type-ahead, e.g. during a key unlock) is thrown away first: an answer is only
 * ever what was typed after its question. The terminal's own settings are restored after each line.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

/** Ctrl-C at a question. */
export class TerminalInterrupt extends Error {
  constructor() {
    super('Ctrl-C at a question');
    this.name = 'TerminalInterrupt';
  }
}

const CTRL_C = 0x03;
const CTRL_D = 0x04;
const CTRL_U = 0x15;
const ESC = 0x1b;
const BACKSPACE = [0x08, 0x7f];
const ENTER = [0x0a, 0x0d];

function stty(...args: string[]): string {
  return spawnSync('stty', args, { stdio: ['inherit', 'pipe', 'ignore'], encoding: 'utf8' }).stdout?.trim() ?? '';
}

/**
 * One byte from the terminal, or null at the end of input. With `wait` false, null also when nothing
 * is waiting (non-canonical mode with no minimum, or a non-blocking descriptor).
 */
function readByte(fd: number, wait: boolean): number | null {
  const one = Buffer.alloc(1);
  for (;;) {
    try {
      return fs.readSync(fd, one, 0, 1, null) === 1 ? one[0]! : null;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EINTR') continue;
      if (code !== 'EAGAIN') throw error;
      if (!wait) return null;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    }
  }
}

/** Throws away what was typed before now (the terminal must be in non-canonical mode). */
function discardTypeAhead(fd: number): void {
  stty('min', '0', 'time', '0');
  while (readByte(fd, false) !== null) {
    /* dropped */
  }
  stty('min', '1', 'time', '0');
}

/** Drops the rest of an escape sequence (arrow keys, function keys): ESC [ … final byte, or ESC and one byte. */
function skipEscapeSequence(fd: number): void {
  const next = readByte(fd, false);
  if (next !== 0x5b && next !== 0x4f) return;
  for (let b = readByte(fd, false); b !== null && !(b >= 0x40 && b <= 0x7e); b = readByte(fd, false)) {
    /* parameters */
  }
}

/** Removes the last UTF-8 character from `bytes`. */
function dropLastCharacter(bytes: number[]): void {
  while (bytes.length > 0) {
    const b = bytes.pop()!;
    if ((b & 0xc0) !== 0x80) return; // the first byte of a character
  }
}

/**
 * Shows `question` on `write` and reads a line from the terminal on `fd`, echoing it unless `hidden`.
 * Throws TerminalInterrupt on Ctrl-C.
 */
export function readTerminalLine(question: string, hidden: boolean, write: (text: string) => void, fd = 0): string {
  const saved = stty('-g');
  stty('-icanon', '-echo', '-isig');
  try {
    discardTypeAhead(fd);
    write(question);
    const bytes: number[] = [];
    const echo = new TextDecoder('utf-8');
    for (;;) {
      const b = readByte(fd, true);
      if (b === null || (b === CTRL_D && bytes.length === 0)) break;
      if (b === ESC) {
        skipEscapeSequence(fd);
        continue;
      }
      if (b === CTRL_C) {
        write('^C\n');
        throw new TerminalInterrupt();
      }
      if (ENTER.includes(b)) break;
      if (BACKSPACE.includes(b)) {
        if (bytes.length > 0) {
          dropLastCharacter(bytes);
          if (!hidden) write('\b \b');
        }
        continue;
      }
      if (b === CTRL_U) {
        if (!hidden) write('\b \b'.repeat([...Buffer.from(bytes).toString('utf8')].length));
        bytes.length = 0;
        continue;
      }
      if (b < 0x20) continue; // other control keys are ignored
      bytes.push(b);
      // A character of several bytes is echoed once it is whole.
      if (!hidden) write(echo.decode(Uint8Array.of(b), { stream: true }));
    }
    write('\n');
    return Buffer.from(bytes).toString('utf8');
  } finally {
    if (saved) stty(saved);
    else stty('icanon', 'echo', 'isig');
  }
}
