// Cookie names live apart from the session logic so the proxy can use them without the database.
export const SESSION_COOKIE = "tao_session";
