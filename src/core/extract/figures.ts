// Figures: numbers with their unit, currency, qualifier and what they count. The work is in figures/.
export { describeFigures, extractFigures, figureScore, rankFigures } from "./figures/index.js";
