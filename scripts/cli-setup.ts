// `npm run keydesk -- setup`: the first business and its owner, from a terminal.
import { setupFailures, setupSchema, type SetupField } from '@/lib/businesses/schema';
import { readEnv } from '@/lib/env';
import { newRequestId } from '@/lib/log';
import { CliError, readPassword } from './cli-terminal';
import type { DataLayer, Values } from './keydesk';

export async function setupCommand(values: Values, data: DataLayer) {
  const password = await readPassword();
  const parsed = setupSchema.safeParse({
    businessName: values.business,
    name: values.name,
    email: values.email,
    password,
  });
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    const option = SETUP_OPTIONS[issue.path[0] as SetupField];
    throw new CliError(`${option}: ${issue.message} Nothing was changed.`, 2);
  }
  const result = await data.setUpInstallation(parsed.data, {
    token: null,
    requestId: newRequestId(),
  });
  if (!result.ok) {
    throw new CliError(
      result.code === 'EMAIL_TAKEN'
        ? `${setupFailures.EMAIL_TAKEN.message} Nothing was changed.`
        : 'Keydesk has an owner already: nothing was changed. Owners invite people from Settings → Members; ' +
            'anyone signed in can create another business ("New business").',
    );
  }
  const { businessName, name, email } = parsed.data;
  console.log(
    `Created the business “${businessName}” (${result.value.businessId}) and its owner ${name} <${email}>. ` +
      `Sign in at ${new URL(readEnv().publicUrl).origin}/sign-in`,
  );
}

/** Which option each setup field comes from, for error messages. */
const SETUP_OPTIONS: Record<SetupField, string> = {
  businessName: '--business',
  name: '--name',
  email: '--email',
  password: 'The password',
};
