// For the source tests: the SourceError a call fails with, failing the test if it does not fail so.
import { expect } from 'vitest';
import { SourceError } from '../../lib/sources/source';

export async function failure(promise: Promise<unknown>): Promise<SourceError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(SourceError);
  return error as SourceError;
}
