// `npm run keydesk -- <command>`: Keydesk's command line, for what an operator does on the server
// itself. It works on the DATABASE_URL database (migrating it first). Each command is one entry
// of COMMANDS: its words, options, help text and what it runs.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { randomBytes } from 'node:crypto';
import { apiKeyFailures, createApiKeySchema } from '@/lib/api-keys/schema';
import { operatorActor } from '@/lib/auth/authorize';
import { PASSWORD_LENGTH } from '@/lib/auth/schema';
import { migrateDatabase } from '@/lib/database/migrate';
import { readEnv } from '@/lib/env';
import { newRequestId } from '@/lib/log';
import { setupCommand } from './cli-setup';
import { CliError, oneBusiness, readPassword } from './cli-terminal';
import { importKeysCommandSpec } from './cli-import';
import { outboxWork, webhooksWork } from './cli-workers';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * The data functions the commands call: the same ones the dashboard and the REST API call, so that
 * an operator's change is validated, written and audited (as the operator) in one place. Imported
 * once the database is migrated, since lib/db.ts opens DATABASE_URL when it loads.
 */
async function loadDataLayer() {
  const [apiKeys, businesses, passwords, setup, outbox, outboxHandlers, overview] =
    await Promise.all([
      import('@/lib/api-keys/data'),
      import('@/lib/businesses/data-lookup'),
      import('@/lib/auth/data-passwords'),
      import('@/lib/businesses/data-setup'),
      import('@/lib/outbox/worker'),
      import('@/lib/outbox/handlers'),
      import('@/lib/overview/data-repair'),
    ]);
  const webhooks = await import('@/lib/webhooks/worker');
  const imports = {
    ...(await import('@/lib/imports/data-jobs')),
    ...(await import('@/lib/imports/data-configure')),
    ...(await import('@/lib/imports/data-problems')),
    ...(await import('@/lib/imports/worker')),
  };
  return {
    imports,
    setUpInstallation: setup.setUpInstallation,
    recountBusinessOverview: overview.recountBusinessOverview,
    outbox: { ...outbox, handlers: outboxHandlers.outboxHandlers },
    webhooks,
    createApiKey: apiKeys.createApiKey,
    findBusinessesByIdOrName: businesses.findBusinessesByIdOrName,
    oneBusiness: (values: Values) =>
      oneBusiness(values, { findBusinessesByIdOrName: businesses.findBusinessesByIdOrName }),
    setPasswordAsOperator: passwords.setPasswordAsOperator,
    disconnect: async () => (await import('@/lib/db')).db.$disconnect(),
  };
}
export type DataLayer = Awaited<ReturnType<typeof loadDataLayer>>;
export type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

export type Command = {
  /** How it is typed, e.g. "user set-password --email <email>". Its words before the options name it. */
  usage: string;
  summary: string;
  /** Lines printed under the usage by `--help`. */
  details: string[];
  options: Options;
  /** Names of the arguments it takes before or among its options (e.g. a file), all required. */
  positionals?: string[];
  /** Options that must be given (checked before the database is opened). */
  required: string[];
  run: (values: Values, data: DataLayer, ...positionals: string[]) => Promise<void>;
};

const COMMANDS: Command[] = [
  {
    usage: 'setup --business <name> --email <email> --name <full name>',
    summary: 'Creates the first business and its owner on an installation without one.',
    details: [
      'The same as the setup link `npm start` prints: for a real installation (KEYDESK_SEED_DEMO=0).',
      "Reads the owner's password from standard input (asks for it, hidden, on a terminal), e.g.",
      "  echo 'a-long-password' | npm run --silent keydesk -- setup --business 'Acme Software' \\",
      "    --email owner@acme.example --name 'Morgan Reyes'",
      `The password must be ${PASSWORD_LENGTH.min} to ${PASSWORD_LENGTH.max} characters long.`,
      'Refused once any business has an owner: then owners invite people, and anyone signed in',
      'can create another business ("New business" in the dashboard).',
    ],
    options: {
      business: { type: 'string' },
      email: { type: 'string' },
      name: { type: 'string' },
    },
    required: ['business', 'email', 'name'],
    run: setupCommand,
  },
  {
    usage: 'user set-password --email <email>',
    summary: "Sets a staff member's password, read from standard input.",
    details: [
      'Reads one line from standard input (asks for it, hidden, on a terminal), e.g.',
      "  echo 'a-new-password' | npm run keydesk -- user set-password --email owner@acme.test",
      `The password must be ${PASSWORD_LENGTH.min} to ${PASSWORD_LENGTH.max} characters long.`,
      'Signs the person out everywhere and lifts a sign-in lock-out.',
    ],
    options: { email: { type: 'string' } },
    required: ['email'],
    run: setPassword,
  },
  {
    usage: 'api-key create --business <id or name> [--name <name>] [--read-only]',
    summary: 'Creates an API key for a business and prints it, alone, on standard output.',
    details: [
      'For scripts and tests, e.g.',
      "  KEY=$(npm run --silent keydesk -- api-key create --business 'Acme Software' --read-only)",
      'The key is shown only this once; Keydesk stores only its hash. Revoke it on Settings → API keys.',
      'Without --read-only the key may also write (issue keys, create customers, disable keys).',
    ],
    options: {
      business: { type: 'string' },
      name: { type: 'string' },
      'read-only': { type: 'boolean' },
    },
    required: ['business'],
    run: createApiKeyCommand,
  },
  {
    usage: 'outbox work [--once]',
    summary: 'Delivers queued email (the outbox) until stopped, as the server process does.',
    details: [
      'For a worker apart from the app servers: start them with KEYDESK_OUTBOX_WORKER=0 and run',
      'this instead (any number of them: each message is claimed by one). SIGTERM or Ctrl-C stops',
      'it after the delivery in progress. --once delivers what is due now and exits.',
    ],
    options: { once: { type: 'boolean' } },
    required: [],
    run: outboxWork,
  },
  {
    usage: 'webhooks work [--once]',
    summary: 'Delivers webhook events until stopped, as the server process does.',
    details: [
      'For a worker apart from the app servers: start them with KEYDESK_OUTBOX_WORKER=0 and run',
      'this instead (any number of them: each endpoint is worked by one at a time, in order).',
      'SIGTERM or Ctrl-C stops it after the attempts in progress. --once delivers what is due now',
      'and exits.',
    ],
    options: { once: { type: 'boolean' } },
    required: [],
    run: webhooksWork,
  },
  importKeysCommandSpec,
  {
    usage: 'overview recount --business <id or name>',
    summary: "Rebuilds a business's overview figures and charts from its keys and its history.",
    details: [
      'The overview keeps its counts as keys change; this recounts them from scratch, for data',
      'written around Keydesk (a bulk load straight into the database) or after a repair. It takes',
      'seconds per million keys, and changes to that business wait until it is done.',
    ],
    options: { business: { type: 'string' } },
    required: ['business'],
    run: overviewRecount,
  },
];

async function overviewRecount(values: Values, data: DataLayer) {
  const business = await oneBusiness(values, data);
  const started = performance.now();
  await data.recountBusinessOverview(business.id);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Recounted the overview of ${business.name} (${business.id}) in ${seconds} s.`);
}

async function createApiKeyCommand(values: Values, data: DataLayer) {
  const business = await oneBusiness(values, data);
  const readOnly = values['read-only'] === true;
  const name =
    typeof values.name === 'string' && values.name.trim()
      ? values.name.trim()
      : `Command line ${new Date().toISOString().slice(0, 19).replace('T', ' ')} ${randomBytes(2).toString('hex')}`;
  const parsed = createApiKeySchema.safeParse({ name, readOnly });
  if (!parsed.success) throw new CliError(parsed.error.issues[0].message, 2);
  const result = await data.createApiKey(operatorActor(business.id, newRequestId()), parsed.data);
  if (!result.ok) throw new CliError(apiKeyFailures[result.code].message);
  console.error(
    `Created ${readOnly ? 'read-only' : 'write'} API key “${result.value.name}” for ${business.name}.`,
  );
  console.log(result.value.secret);
}

async function setPassword(values: Values, data: DataLayer) {
  const email = String(values.email).trim().toLowerCase();
  const password = await readPassword();
  if (password.length < PASSWORD_LENGTH.min || password.length > PASSWORD_LENGTH.max) {
    throw new CliError(
      `The password must be ${PASSWORD_LENGTH.min} to ${PASSWORD_LENGTH.max} characters long; ` +
        `it is ${password.length}. Nothing was changed.`,
    );
  }
  const result = await data.setPasswordAsOperator(email, password, newRequestId());
  if (!result.ok) throw new CliError(`No staff member has the email address ${email}.`);
  const { name, sessionsEnded } = result.value;
  console.log(
    `Password set for ${name} <${email}>; signed out ${sessionsEnded} session${sessionsEnded === 1 ? '' : 's'}.`,
  );
}

/** The words that name a command: its usage up to the first option. */
function commandWords(command: Command): string[] {
  const words = command.usage.split(' ');
  const firstOption = words.findIndex((word) => /^[-[<]/.test(word));
  return firstOption === -1 ? words : words.slice(0, firstOption);
}

function usage(): string {
  const width = Math.max(...COMMANDS.map((command) => command.usage.length));
  return [
    'Usage: npm run keydesk -- <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((command) => `  ${command.usage.padEnd(width)}  ${command.summary}`),
    '',
    'Run `npm run keydesk -- <command> --help` for more about one command.',
    'The database is the one DATABASE_URL names (default file:./data/keydesk.db).',
  ].join('\n');
}

function commandHelp(command: Command): string {
  return [
    `Usage: npm run keydesk -- ${command.usage}`,
    '',
    command.summary,
    ...command.details,
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    console.log(usage());
    return 0;
  }
  const command = COMMANDS.find((c) =>
    commandWords(c).every((word, index) => argv[index] === word),
  );
  if (!command) {
    console.error(`Unknown command: ${argv.slice(0, 2).join(' ')}\n\n${usage()}`);
    return 2;
  }
  const rest = argv.slice(commandWords(command).length);
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(commandHelp(command));
    return 0;
  }
  let values: Values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: rest,
      options: command.options,
      strict: true,
      allowPositionals: (command.positionals ?? []).length > 0,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${commandHelp(command)}`);
    return 2;
  }
  const wanted = command.positionals ?? [];
  if (positionals.length !== wanted.length) {
    console.error(
      `Give ${wanted.map((name) => `<${name}>`).join(' ')} once.\n\n${commandHelp(command)}`,
    );
    return 2;
  }
  const missing = command.required.filter((name) => !values[name]);
  if (missing.length) {
    const list = missing.map((name) => `--${name}`).join(', ');
    console.error(`Missing ${list}.\n\n${commandHelp(command)}`);
    return 2;
  }

  const { databaseUrl } = readEnv();
  const applied = await migrateDatabase(databaseUrl);
  if (applied.length)
    console.error(`Applied ${applied.length} migration(s): ${applied.join(', ')}`);
  const data = await loadDataLayer();
  try {
    await command.run(values, data, ...positionals);
    return 0;
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    console.error(error.message);
    return error.exitCode;
  } finally {
    await data.disconnect();
  }
}

process.exitCode = await main(process.argv.slice(2));
