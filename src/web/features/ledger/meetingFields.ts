/** Where the server's messages about a meeting's fields belong in the meeting form. */
import { namePath } from '../../shared/fieldPaths.js';

const topFields = ['kind', 'title', 'heldOn', 'attendees', 'problems', 'projectId'];

/** A server field path's place in this form: a decision's own field, or the top-level field. */
export function meetingFieldPath(path: string): (string | number)[] | null {
  const parts = namePath(path);
  if (parts[0] === 'decisions' && typeof parts[1] === 'number' && typeof parts[2] === 'string') {
    return parts.slice(0, 3);
  }
  const [first] = parts;
  return typeof first === 'string' && [...topFields, 'decisions'].includes(first) ? [first] : null;
}
