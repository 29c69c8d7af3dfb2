// What can go wrong talking to TAPD, each with a message fit for the sync run record and the UI.
// Messages name the request (path and page), never the credentials.

export class TapdError extends Error {
  constructor(
    message: string,
    /** Worth another attempt after a pause (429, 5xx, network, a broken body). */
    readonly retryable: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class TapdAuthError extends TapdError {
  constructor(what: string, status: number) {
    super(
      `TAPD rejected the API credentials (HTTP ${status}) on ${what}: check the API user and password in Settings → TAPD`,
      false,
    );
  }
}

export class TapdHttpError extends TapdError {
  constructor(what: string, status: number, retryAfterMs?: number) {
    const reason = status === 429 ? "rate limited" : status >= 500 ? "server error" : "refused";
    super(
      `TAPD answered HTTP ${status} (${reason}) on ${what}`,
      status === 429 || status >= 500,
      retryAfterMs,
    );
  }
}

export class TapdMalformedError extends TapdError {
  /** A broken body may be a cut connection (retried); rows of an unexpected shape are not. */
  constructor(what: string, detail: string, retryable = true) {
    super(`TAPD sent a malformed answer on ${what}: ${detail}`, retryable);
  }
}

export class TapdApiError extends TapdError {
  constructor(what: string, status: number, info: string) {
    super(`TAPD reported an error on ${what}: status ${status}${info ? `, "${info}"` : ""}`, false);
  }
}

export class TapdNetworkError extends TapdError {
  constructor(what: string, cause: string) {
    super(`Could not reach TAPD on ${what}: ${cause}`, true);
  }
}

export class TapdConfigError extends TapdError {
  constructor(message: string) {
    super(message, false);
  }
}
