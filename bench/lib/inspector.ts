import { WebSocket } from "undici";

/**
 * A full garbage collection in a process started with `--inspect=127.0.0.1:<port>`, through
 * the DevTools protocol: memory read after it is what the process retains, not how much
 * garbage V8 let pile up before its last collection.
 */
export async function collectGarbage(inspectPort: number): Promise<void> {
  const targets = (await (await fetch(`http://127.0.0.1:${inspectPort}/json/list`)).json()) as { webSocketDebuggerUrl: string }[];
  const ws = new WebSocket(targets[0].webSocketDebuggerUrl);
  try {
    await new Promise<void>((resolve, reject) => {
      const lost = () => reject(new Error(`the inspector on port ${inspectPort} went away before the collection was done`));
      ws.onerror = lost;
      ws.onclose = lost;
      ws.onopen = () => ws.send(JSON.stringify({ id: 1, method: "HeapProfiler.collectGarbage" }));
      ws.onmessage = (m) => {
        const reply = JSON.parse(String(m.data)) as { id?: number; error?: { message: string } };
        if (reply.id !== 1) return;
        if (reply.error) reject(new Error(reply.error.message));
        else resolve();
      };
    });
  } finally {
    ws.onclose = null;
    ws.close();
  }
}
