import { z } from "zod";

/** A task id from a URL segment ("42"). */
export const ZTaskId = z.coerce.number().int().positive();
