/** The session cookie's name, in a module of its own so the proxy can tell a visitor from a fan without loading the session code. */
export const SESSION_COOKIE = "encore_session";
