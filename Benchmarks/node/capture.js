// A webhook capture receiver in Node, the benchmark's baseline for `hookcheck listen`: read the body,
// verify the Standard Webhooks signature with node:crypto (crypto.timingSafeEqual), append a JSON line to
// the capture file with one appendFileSync on a descriptor opened once (so the line is in the file before
// the answer), answer 204. As fast as plain node:http gets for this work.
//   node capture.js PORT CAPTURE_FILE      (secret in HOOKCHECK_SECRET, whsec_<base64>)
"use strict";
const http = require("node:http");
const crypto = require("node:crypto");
const fs = require("node:fs");

const port = Number(process.argv[2] || 0);
const file = fs.openSync(process.argv[3] || "captures.jsonl", "a");
const secret = process.env.HOOKCHECK_SECRET || "";
const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
let seq = 0;

function verify(headers, body) {
  const id = headers["webhook-id"];
  const timestamp = headers["webhook-timestamp"];
  const signatures = headers["webhook-signature"];
  if (!id || !timestamp || !signatures) return false;
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false;
  const expected = crypto.createHmac("sha256", key)
    .update(`${id}.${timestamp}.`).update(body).digest();
  return signatures.split(" ").some((entry) => {
    const [version, value] = entry.split(",");
    if (version !== "v1" || !value) return false;
    const given = Buffer.from(value, "base64");
    return given.length === expected.length && crypto.timingSafeEqual(given, expected);
  });
}

const server = http.createServer((request, response) => {
  const chunks = [];
  request.on("data", (chunk) => chunks.push(chunk));
  request.on("end", () => {
    const body = Buffer.concat(chunks);
    const valid = verify(request.headers, body);
    const headers = [];
    for (let i = 0; i < request.rawHeaders.length; i += 2) headers.push([request.rawHeaders[i], request.rawHeaders[i + 1]]);
    seq += 1;
    const line = JSON.stringify({
      seq, receivedAt: new Date().toISOString(), remote: `${request.socket.remoteAddress}:${request.socket.remotePort}`,
      method: request.method, target: request.url, version: `HTTP/${request.httpVersion}`, headers,
      body: body.toString("utf8"), valid, response: { status: 204 },
    }) + "\n";
    fs.appendFileSync(file, line);
    response.writeHead(204);
    response.end();
  });
});
server.listen(port, "127.0.0.1", () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}/`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
