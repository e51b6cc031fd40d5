// A TCP proxy between the app's pg pool and the test PostgreSQL that cuts a
// connection at a chosen point of the wire protocol, for fault tests:
// - cutBeforeStatement: the statement never reaches the server (nothing of it
//   runs; the server rolls the open transaction back);
// - cutCommitReply: the COMMIT of a transaction that ran the statement reaches
//   the server and commits, but its reply is dropped with the connection, so
//   the app cannot know the outcome (the ambiguous commit).
// It reads the client's messages (type byte + length) to find the statement's
// text in Query, Parse and Bind (a named prepared statement is only parsed once).
import net from "node:net";

type Fault = { kind: "cut-before" | "cut-commit-reply"; statement: RegExp; fired: () => void };

export type PgProxy = {
  /** DATABASE_URL through the proxy. */
  url: string;
  /** Cuts the connection before the next statement matching `statement` is forwarded; resolves once it has. */
  cutBeforeStatement(statement: RegExp): Promise<void>;
  /** Forwards the COMMIT of the next transaction that ran a statement matching `statement`, then cuts the connection instead of its reply; resolves once it has. */
  cutCommitReply(statement: RegExp): Promise<void>;
  close(): void;
};

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;

/** The SQL a client message carries or names, if any; remembers named prepared statements. */
function statementText(message: Buffer, prepared: Map<string, string>): string | undefined {
  const type = String.fromCharCode(message[0]!);
  const strings = message.subarray(5).toString("utf8").split("\0");
  if (type === "Q") return strings[0];
  if (type === "P") {
    prepared.set(strings[0]!, strings[1]!);
    return strings[1];
  }
  if (type === "B") return prepared.get(strings[1]!);
  return undefined;
}

const COMMIT = /^\s*COMMIT\b/i;
const TRANSACTION_END = /^\s*(COMMIT|ROLLBACK)\b/i;
const COMMIT_COMPLETE = Buffer.from("COMMIT\0");

export async function startPgProxy(targetUrl: string): Promise<PgProxy> {
  const target = new URL(targetUrl);
  let fault: Fault | undefined;
  const sockets = new Set<net.Socket>();

  const takeFault = (): Fault => {
    const taken = fault!;
    fault = undefined;
    return taken;
  };

  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    const cut = () => {
      client.destroy();
      upstream.destroy();
    };
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("error", cut);
      socket.on("close", () => {
        sockets.delete(socket);
        cut();
      });
    }
    const prepared = new Map<string, string>();
    let pending = Buffer.alloc(0);
    let isStartup = true;
    let ranStatement = false;
    let replyToDrop: Buffer | undefined;

    client.on("data", (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      for (;;) {
        const typeBytes = isStartup ? 0 : 1;
        if (pending.length < typeBytes + 4) return;
        const total = typeBytes + pending.readInt32BE(typeBytes);
        if (pending.length < total) return;
        const message = pending.subarray(0, total);
        pending = pending.subarray(total);
        if (isStartup) {
          const code = message.readInt32BE(4);
          isStartup = code === SSL_REQUEST || code === GSSENC_REQUEST;
        } else {
          const text = statementText(message, prepared);
          if (text !== undefined && fault?.statement.test(text)) {
            if (fault.kind === "cut-before") {
              cut();
              takeFault().fired();
              return;
            }
            ranStatement = true;
          }
          if (text !== undefined && COMMIT.test(text) && ranStatement && fault?.kind === "cut-commit-reply") replyToDrop = Buffer.alloc(0);
          if (text !== undefined && TRANSACTION_END.test(text)) ranStatement = false;
        }
        upstream.write(message);
      }
    });

    upstream.on("data", (chunk: Buffer) => {
      if (!replyToDrop) {
        client.write(chunk);
        return;
      }
      // Swallow the reply until the server says the COMMIT is done, then cut.
      replyToDrop = Buffer.concat([replyToDrop, chunk]);
      if (replyToDrop.includes(COMMIT_COMPLETE)) {
        cut();
        takeFault().fired();
      }
    });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const proxied = new URL(targetUrl);
  proxied.hostname = "127.0.0.1";
  proxied.port = String((server.address() as net.AddressInfo).port);

  const arm = (kind: Fault["kind"], statement: RegExp) => {
    if (fault) throw new Error("A fault is already armed.");
    return new Promise<void>((resolve) => (fault = { kind, statement, fired: resolve }));
  };
  return {
    url: proxied.toString(),
    cutBeforeStatement: (statement) => arm("cut-before", statement),
    cutCommitReply: (statement) => arm("cut-commit-reply", statement),
    close: () => {
      server.close();
      for (const socket of sockets) socket.destroy();
    },
  };
}
