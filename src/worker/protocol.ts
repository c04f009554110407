/** Placeholder until the worker protocol lands (issue 4). */
export const PROTOCOL_VERSION = 1;
