// What every handler gets besides the payload: the event, and the integration's tag convention.
export type THandlerContext = {
  eventId: number;
  receivedAt: Date;
  templates: { branchTagTemplate: string; tagTagTemplate: string };
};

/** A handler reads the payload, changes tao's data and says in one line what it did. */
export type THandler = (payload: unknown, ctx: THandlerContext) => Promise<string>;

export const DEFAULT_TEMPLATES = { branchTagTemplate: "{branch}-{shortSha}", tagTagTemplate: "{tag}" };
