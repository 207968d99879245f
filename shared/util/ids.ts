import { ulid } from 'ulid';

/** Ids are ULIDs: random, unguessable enough for ids (access is checked anyway) and time-ordered for lists. */
export const newId = (): string => ulid();
