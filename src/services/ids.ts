import { fromGlobalId } from '../domain/global-id';
import { BadUserInputError } from '../errors';

/** The row id behind a global id of the expected type; garbage or another type is BAD_USER_INPUT. */
export function rowId(expectedType: string, globalId: string, field = 'id'): number {
  const decoded = fromGlobalId(globalId);
  if (!decoded) {
    throw new BadUserInputError(`${field} is not a valid id`, [{ field, message: 'not an id from this API' }]);
  }
  if (decoded.type !== expectedType) {
    throw new BadUserInputError(`${field} is a ${decoded.type} id, expected a ${expectedType} id`, [
      { field, message: `expected a ${expectedType} id` },
    ]);
  }
  return decoded.id;
}
