// A trend's chart as a Discord attachment: the message's embed shows it through attachment://chart.png.
import type { Answer } from "../../ask/index.js";
import { trendPng } from "../../render/chart/index.js";
import { answerToMessage, type DiscordMessage } from "../../render/discord/index.js";
import { describeError } from "./log.js";
import type { Logger, MessageFile } from "./types.js";

export const CHART_FILENAME = "chart.png";

/** True when the answer is drawn as a chart (a trend of two points or more). */
export const hasChart = (a: Answer): boolean => a.kind === "trend" && a.series.length > 1;

/** The message for an answer and, for a trend, its chart file; without the chart if it cannot be drawn. */
export async function answerWithChart(answer: Answer, ephemeral: boolean, logger: Logger): Promise<{ message: DiscordMessage; files: MessageFile[] }> {
  if (answer.kind !== "trend" || !hasChart(answer)) return { message: answerToMessage(answer, { ephemeral }), files: [] };
  try {
    const chart = await trendPng(answer);
    const message = answerToMessage(answer, { ephemeral, chart: { filename: CHART_FILENAME, description: chart.alt.slice(0, 1000) } });
    return { message, files: [{ name: CHART_FILENAME, data: chart.png, contentType: "image/png" }] };
  } catch (err) {
    logger.error({ err: describeError(err) }, "discord: the chart could not be drawn; answering without it");
    return { message: answerToMessage(answer, { ephemeral }), files: [] };
  }
}
