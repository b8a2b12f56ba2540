import { MISSES_MAX_DAYS } from "@wardpanel/validators";

/**
 * The OpenAPI description of GET /responses/misses.csv (misses-route.ts), kept beside the route so
 * openapi.ts only names it. Problems refer to the document's own Problem schema.
 */

const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
});

const day = (name: "from" | "to", description: string, example: string) => ({
  name,
  in: "query",
  required: false,
  schema: { type: "string", format: "date" },
  description,
  example,
});

/** Two misses of 7 December 2026: a late arrival, and a call no unit reached. */
export const MISSES_CSV = [
  "call_reference,received_at,arrived_at,outcome,minutes_taken,target_minutes,minutes_over,priority_id,priority_title,ward_code,ward_name,borough_code,borough_name,reported_by",
  "CAD-4711,2026-12-07T21:14:05+00:00,2026-12-07T22:31:40+00:00,late,78,60,18,42,Drug dealing by Russell Square station,E05013653,Bloomsbury,E09000007,Camden,Met Command and Control",
  'CAD-4790,2026-12-07T23:02:00+00:00,,no unit arrived,,60,,42,"Bikes, e-scooters on Bernard Street",E05013653,Bloomsbury,E09000007,Camden,Met Command and Control',
  "",
].join("\r\n");

export const missesCsvPath = {
  get: {
    operationId: "getResponseMissesCsv",
    summary: "The managers' daily report: calls that missed the response target",
    description:
      "One row per reported call, for a priority in this key's boroughs (whichever control room reported it), " +
      "received in the period, whose unit arrived later than the force's target (`target_minutes`) or has not arrived " +
      "and the target has passed. A unit arriving exactly on the target is on time. Times are ISO 8601 on the London " +
      "clock with their offset; minutes are whole minutes rounded up; `arrived_at`, `minutes_taken` and " +
      "`minutes_over` are empty while no unit has arrived. RFC 4180 CSV in UTF-8 with a header row; text that a " +
      "spreadsheet would run as a formula starts with an apostrophe. Oldest call first.",
    parameters: [
      day("from", "First London calendar day, inclusive. Default: `to`.", "2026-12-07"),
      day(
        "to",
        `Last London calendar day, inclusive. Default: yesterday in London (the daily report). At most ${MISSES_MAX_DAYS} days from \`from\`.`,
        "2026-12-07",
      ),
    ],
    responses: {
      "200": {
        description: "The misses, as a download named `missed-response-targets-<from>[-to-<to>].csv`",
        headers: {
          "Content-Disposition": {
            schema: { type: "string" },
            example: 'attachment; filename="missed-response-targets-2026-12-07.csv"',
          },
        },
        content: { "text/csv": { schema: { type: "string" } } },
      },
      "400": problem("`from` or `to` is not a date, `to` is before `from`, or the period is over 366 days"),
      "401": problem("Missing, unknown or revoked API key"),
      "429": problem("This key's request budget is spent; see Retry-After"),
    },
  },
};
