// Sentence compression. Only short parentheses go ("(pictured)", "(3.7 miles)", "(left)"): measured on
// news with reference highlights, their words are a third as likely to be in the highlights as the
// rest of the sentence. Trailing attributions, dash asides and relative clauses were measured too and
// are as likely as the words they sit beside, so they stay.

export function dropAsides(sentence: string): string {
  return sentence
    .replace(/\s*\([^()]{1,60}\)/g, "")
    .replace(/\s+([,.;:!?])/g, "$1")
    .replace(/\s{2,}/g, " ")
    .trim();
}
