import { describe, expect, it } from 'vitest';
import { IMPORT_MAX_BYTES } from './limits';
import {
  NO_FILE_MESSAGE,
  uploadFailureMessages,
  uploadFileProblem,
  uploadRefusalMessage,
} from './upload';

describe('upload checks', () => {
  it('refuses no file, another kind of file, an empty one and one over 50 MB before sending', () => {
    expect(uploadFileProblem(null)).toBe(NO_FILE_MESSAGE);
    expect(uploadFileProblem({ name: 'keys.xlsx', size: 10 })).toBe(uploadFailureMessages.NOT_CSV);
    expect(uploadFileProblem({ name: 'keys.csv', size: 0 })).toBe(uploadFailureMessages.EMPTY_FILE);
    expect(uploadFileProblem({ name: 'keys.csv', size: IMPORT_MAX_BYTES + 1 })).toBe(
      uploadFailureMessages.FILE_TOO_LARGE,
    );
  });

  it('takes .csv and .txt in any case, up to exactly 50 MB', () => {
    expect(uploadFileProblem({ name: 'KEYS.CSV', size: IMPORT_MAX_BYTES })).toBeNull();
    expect(uploadFileProblem({ name: 'export.txt', size: 1 })).toBeNull();
  });

  it('tells the route’s own message, else one by status', () => {
    expect(uploadRefusalMessage(422, { code: 'EMPTY_FILE', message: 'No rows.' })).toBe('No rows.');
    expect(uploadRefusalMessage(413, null)).toBe(uploadFailureMessages.FILE_TOO_LARGE);
    expect(uploadRefusalMessage(415, 'not json')).toBe(uploadFailureMessages.NOT_CSV);
    expect(uploadRefusalMessage(502, {})).toBe('The file could not be uploaded. Try again.');
  });
});
