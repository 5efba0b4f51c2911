// The words of figure questions: one lexicon for `figures` and for trends (src/trends).

/** Words that ask for a figure but are not what it counts. */
export const FIGURE_NOISE = new Set("many much number figure figures total amount big large long far old high tall".split(" "));

/** What a figure question names, and what the article may say instead. */
export const FIGURE_SYNONYMS: Record<string, string[]> = {
  population: ["population", "people", "residents", "inhabitants"],
  people: ["people", "persons", "residents"],
  troops: ["troops", "soldiers", "forces"],
  troop: ["troop", "troops", "soldiers", "forces"],
  soldiers: ["soldiers", "troops", "forces"],
  dead: ["dead", "killed", "deaths", "died"],
  killed: ["killed", "dead", "deaths", "died"],
  deaths: ["deaths", "dead", "killed", "died"],
  death: ["death", "deaths", "dead", "killed", "died", "toll"],
  toll: ["toll", "dead", "killed", "deaths", "died"],
  evacuees: ["evacuees", "evacuated", "people", "residents"],
  evacuated: ["evacuated", "evacuees", "people", "residents"],
  cost: ["cost", "costs", "price", "spend", "spent"],
  jobs: ["jobs", "workers", "employees"],
};

/** Words that ask how a figure moved, not what it counts ("how has the troop count changed?"). */
export const TREND_NOISE = new Set(
  "count counts change changed changes changing grow grown grew growing rise risen rose rising fall fallen fell falling evolve evolved move moved develop developed trend trends time over so far since".split(
    " ",
  ),
);
