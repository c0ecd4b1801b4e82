/** Exit codes shared by every docscreen command, so scripts can tell "bad data" from "bad call". */
export const EXIT = Object.freeze({ OK: 0, INVALID: 1, UNUSABLE: 2 } as const);
