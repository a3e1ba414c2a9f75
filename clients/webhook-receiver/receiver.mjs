// A webhook receiver for the metering service (README "Webhooks"): verifies every message with the
// Standard Webhooks reference library and answers 204, or 401 when the signature does not verify.
// WEBHOOK_SECRET is the subscription's secret (whsec_...); PORT the port to listen on (127.0.0.1).
// Prints one line per message: "verified <webhook-id> <type> <sequence>" or "refused <webhook-id> <why>".
import http from "node:http";
import { Webhook } from "standardwebhooks";

const webhook = new Webhook(process.env.WEBHOOK_SECRET); // the whsec_ secret as the service showed it

http.createServer((req, res) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    const body = Buffer.concat(chunks).toString("utf8");
    try {
      // throws unless a signature matches and the timestamp is within five minutes
      const event = webhook.verify(body, req.headers);
      console.log(`verified ${req.headers["webhook-id"]} ${event.type} ${event.sequence ?? "-"}`);
      res.writeHead(204).end();
    } catch (e) {
      console.log(`refused ${req.headers["webhook-id"]} ${e.message}`);
      res.writeHead(401).end();
    }
  });
}).listen(Number(process.env.PORT), "127.0.0.1", () => console.log(`listening on ${process.env.PORT}`));
