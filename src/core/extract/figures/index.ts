export { extractFigures } from "./extract.js";
export { figureScore, rankFigures } from "./rank.js";
