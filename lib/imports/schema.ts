import { z } from 'zod';
import { timeZoneSchema } from '@/lib/businesses/schema';
import { IMPORT_FIELDS, IMPORT_FIELD_LABELS, type ImportField, type ImportMapping } from './fields';

// The mapping step of a bulk import: which column holds which field, the default product, the zone
// of date-only expiries, and whether to update keys already there. Shared by the form, its action
// and the command line. No server imports here.

export const importJobIdSchema = z.string().trim().min(1).max(64);

/** A select's value: a column's index, or '' for "not in the file". */
const columnSchema = z
  .union([z.string(), z.number()])
  .optional()
  .transform((value) => (value === '' || value === undefined ? undefined : Number(value)))
  .refine((value) => value === undefined || (Number.isInteger(value) && value >= 0), {
    error: 'Choose a column of the file.',
  });

export const configureImportSchema = z
  .object({
    jobId: importJobIdSchema,
    ...(Object.fromEntries(IMPORT_FIELDS.map((field) => [field, columnSchema])) as Record<
      ImportField,
      typeof columnSchema
    >),
    defaultProductId: z
      .string()
      .trim()
      .max(64)
      .optional()
      .transform((value) => value || null),
    timeZone: timeZoneSchema,
    updateExisting: z
      .union([z.boolean(), z.literal('on'), z.literal('')])
      .optional()
      .transform((value) => value === true || value === 'on'),
  })
  .superRefine((input, ctx) => {
    if (input.key === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['key'],
        message: 'Choose the column that holds the license keys.',
      });
    }
    if (input.customerEmail === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['customerEmail'],
        message: 'Choose the column that holds the customers’ email addresses.',
      });
    }
    if (input.product === undefined && !input.defaultProductId) {
      ctx.addIssue({
        code: 'custom',
        path: ['product'],
        message: 'Choose the column that names the product, or a default product below.',
      });
    }
    const usedBy = new Map<number, ImportField>();
    for (const field of IMPORT_FIELDS) {
      const column = input[field];
      if (column === undefined) continue;
      const other = usedBy.get(column);
      if (other) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `This column is already read as ${IMPORT_FIELD_LABELS[other]}. Choose another one.`,
        });
      } else {
        usedBy.set(column, field);
      }
    }
  });

export type ConfigureImportInput = z.infer<typeof configureImportSchema>;
export type ConfigureImportFormValues = z.input<typeof configureImportSchema>;
export type ConfigureImportField = keyof ConfigureImportFormValues;

/** The mapping of a parsed configuration. */
export function mappingOf(input: ConfigureImportInput): ImportMapping {
  const mapping: ImportMapping = {};
  for (const field of IMPORT_FIELDS) {
    const column = input[field];
    if (column !== undefined) mapping[field] = column;
  }
  return mapping;
}

export const startImportSchema = z.object({ jobId: importJobIdSchema });

/** The data layer's failure codes, as the import pages tell them. */
export const importFailures = {
  IMPORT_JOB_NOT_FOUND: {
    message: 'This import is no longer there, or belongs to another business.',
  },
  NOT_CHECKED: {
    message: 'Check the file first: the import starts from a finished check.',
  },
  BUSY: { message: 'This file is being checked or imported now. Wait until that has finished.' },
  UNKNOWN_COLUMN: { message: 'The file has no such column. Choose one of its columns.' },
  PRODUCT_NOT_FOUND: {
    field: 'defaultProductId',
    message: 'Product not found, or archived. Choose a product from the list.',
  },
} as const;

// The upload form reads these without Zod: they live in ./upload.ts.
export { uploadFailureMessages } from './upload';
