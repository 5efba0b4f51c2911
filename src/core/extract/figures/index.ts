export { extractFigures } from "./extract.js";
export { describeFigures } from "./describe.js";
export { figureScore, rankFigures } from "./rank.js";
