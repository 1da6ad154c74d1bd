/**
 * The string's characters in a string of its own. A slice the engine makes of a long string (a
 * paragraph of a draft, a value the YAML library cuts from a fact file) is a view that keeps all
 * of the long string alive for as long as the slice lives. Joined to a character and cut again, it
 * is copied: the join is flattened into a new string before the cut, which is a view into that.
 */
export const ownCopy = (s: string): string => ` ${s}`.slice(1);
