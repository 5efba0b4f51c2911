// A trend's chart as a Slack file in the channel or thread (files.uploadV2: getUploadURLExternal,
// the bytes to the upload URL, completeUploadExternal).
import type { webApi } from "@slack/bolt";
import type { Answer } from "../../ask/index.js";
import type { Logger } from "../../log/index.js";
import { trendPng } from "../../render/chart/index.js";
import { trendTitle } from "../../render/index.js";
import { classifySlackError, PROBLEM_WORDS } from "./errors.js";

export const CHART_FILENAME = "chart.png";

/**
 * Uploads the chart when the answer is a trend of two points or more. Returns undefined when it was
 * posted or there was nothing to post, else the words for the person who asked.
 */
export async function uploadChart(
  client: webApi.WebClient,
  log: Logger,
  answer: Answer,
  where: { channel: string; thread_ts?: string },
): Promise<string | undefined> {
  if (answer.kind !== "trend" || answer.series.length < 2) return undefined;
  try {
    const chart = await trendPng(answer);
    const file = { file: chart.png, filename: CHART_FILENAME, title: trendTitle(answer), alt_text: chart.alt.slice(0, 1000) };
    if (where.thread_ts) await client.files.uploadV2({ channel_id: where.channel, thread_ts: where.thread_ts, ...file });
    else await client.files.uploadV2({ channel_id: where.channel, ...file });
    return undefined;
  } catch (err) {
    const { problem, detail } = classifySlackError(err);
    log.error({ problem, detail, channel: where.channel, what: "chart upload" }, PROBLEM_WORDS[problem].log);
    return PROBLEM_WORDS[problem].reply;
  }
}
