// The ended tokens a process must remember so that a status poll, answered
// without the database, says 410 for a place that was left or paid.

export type EndedToken = { id: string; ticket: number | null; admittedUntilMs: number | null };

/** Rows as SQL sends them: json_build_array(id, ticket, admitted_until in epoch ms). */
export function parseEndedTokens(value: unknown): EndedToken[] {
  if (!Array.isArray(value)) return [];
  const tokens: EndedToken[] = [];
  for (const entry of value) {
    if (!Array.isArray(entry) || typeof entry[0] !== "string") continue;
    const [id, ticket, admittedUntilMs] = entry as [string, unknown, unknown];
    tokens.push({
      id,
      ticket: typeof ticket === "number" ? ticket : null,
      admittedUntilMs: typeof admittedUntilMs === "number" ? admittedUntilMs : null,
    });
  }
  return tokens;
}

/**
 * A poll reaches the database by itself once the serving counter passes the
 * token's ticket (or once the pre-queue is drawn, for a token without one),
 * so an ended token needs remembering only until then, and, if its holder was
 * admitted, until the turn would have ended anyway: an admitted token carries
 * its end time and is otherwise answered without the database.
 */
export function isStillNeeded(
  token: EndedToken,
  room: { servingCounter: number; isPrequeueOrdered: boolean; nowMs: number },
): boolean {
  if (token.admittedUntilMs !== null && token.admittedUntilMs > room.nowMs) return true;
  if (token.ticket === null) return !room.isPrequeueOrdered;
  return token.ticket > room.servingCounter;
}

/** The ended tokens of one room that polls must answer with 410. */
export class EndedTokenSet {
  private readonly tokens = new Map<string, EndedToken>();

  has(tokenId: string): boolean {
    return this.tokens.has(tokenId);
  }

  add(token: EndedToken): void {
    this.tokens.set(token.id, token);
  }

  addAll(tokens: readonly EndedToken[]): void {
    for (const token of tokens) this.tokens.set(token.id, token);
  }

  /** Forgets the tokens whose polls now reach the database anyway. */
  prune(room: { servingCounter: number; isPrequeueOrdered: boolean; nowMs: number }): void {
    for (const [id, token] of this.tokens) {
      if (!isStillNeeded(token, room)) this.tokens.delete(id);
    }
  }

  get size(): number {
    return this.tokens.size;
  }
}
