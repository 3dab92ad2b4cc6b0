/**
 * Reads a passphrase for the CLI: from a file (scripted runs), or typed twice on the terminal with
 * echo off. Never from the command line itself (it would land in shell history and process lists).
 */
import fs from 'node:fs';
import { cliTexts } from './cli-texts.ts';
import { usage, type CliIo } from './cli-io.ts';

export async function readPassphrase(io: CliIo, file: string | undefined, name: string): Promise<string> {
  if (file !== undefined) {
    try {
      return fs.readFileSync(file, 'utf8').replace(/\r?\n$/u, '');
    } catch {
      throw usage((t) => t.passphraseFileUnreadable(file));
    }
  }
  if (!process.stdin.isTTY) throw usage((t) => t.noTerminalForPassphrase);
  const t = cliTexts(io.locale);
  const first = await hidden(io, t.passphraseFor(name));
  const second = await hidden(io, t.passphraseForAgain(name));
  if (first !== second) throw usage((t) => t.passphrasesDiffer);
  return first;
}

function hidden(io: CliIo, prompt: string): Promise<string> {
  return new Promise((resolve) => {
    io.err(prompt);
    const stdin = process.stdin;
    stdin.setRawMode(true);
    stdin.resume();
    let typed = '';
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          io.err('\n');
          resolve(typed);
          return;
        }
        if (ch === '\u0003') process.exit(130);
        typed = ch === '\u007f' ? typed.slice(0, -1) : typed + ch;
      }
    };
    stdin.on('data', onData);
  });
}
