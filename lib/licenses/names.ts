// No server imports: the demo seed writes the same summaries.

/** Instance names come from the apps that activate; the audit trail keeps a readable length. */
const SUMMARY_NAME_LENGTH = 80;

export function shortInstanceName(name: string): string {
  return name.length > SUMMARY_NAME_LENGTH ? `${name.slice(0, SUMMARY_NAME_LENGTH - 1)}…` : name;
}
