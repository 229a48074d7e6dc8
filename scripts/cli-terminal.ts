// The command line's terminal: its expected failures, and a password read from standard input
// (hidden on a terminal). For scripts/keydesk.ts.

/** An expected failure: its message is printed as is, and the process exits with `exitCode`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** One line: typed without echo (twice) on a terminal, else the first line of what is piped in. */
export async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) return (await readFirstLine()) ?? '';
  const password = await readHidden('New password: ');
  if ((await readHidden('Repeat it: ')) !== password) {
    throw new CliError('The two passwords differ. Nothing was changed.');
  }
  return password;
}

async function readFirstLine(): Promise<string | null> {
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    const end = text.indexOf('\n');
    if (end !== -1) return text.slice(0, end).replace(/\r$/, '');
  }
  return text === '' ? null : text.replace(/\r$/, '');
}

function readHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n' || char === '\u0004') {
          finish();
          return resolve(value);
        }
        if (char === '\u0003') {
          finish();
          return reject(new CliError('Cancelled. Nothing was changed.', 130));
        }
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
        else if (char >= ' ') value += char;
      }
    };
    stdin.on('data', onData);
  });
}

/** The one business --business names, by id or exact name. */
export async function oneBusiness(
  values: Record<string, unknown>,
  data: { findBusinessesByIdOrName(wanted: string): Promise<{ id: string; name: string }[]> },
) {
  const wanted = String(values.business).trim();
  const matches = await data.findBusinessesByIdOrName(wanted);
  if (matches.length === 0) throw new CliError(`No business has the id or name "${wanted}".`);
  if (matches.length > 1) {
    throw new CliError(`Several businesses are called "${wanted}"; give the id instead.`);
  }
  return matches[0];
}
