// Article: the text with each fact's span marked by field, the fact list beside it, and the
// passage or fact named in the query string scrolled into view and marked.
import { collect, getJSON } from "../api.js";
import { CodePoints, articleUrl, byline, h, valueText } from "../dom.js";

const FACT_LIMIT = 5000;

export async function renderArticle(params) {
  const id = Number(params.get("id"));
  if (!Number.isInteger(id) || id < 1) throw new Error("No article chosen: open one from a list.");
  const [article, facts] = await Promise.all([
    getJSON(`/articles/${id}`),
    collect(`/articles/${id}/facts`, {}, "facts", FACT_LIMIT),
  ]);
  const fact = Number(params.get("fact")) || null;
  const chosen = facts.find((f) => f.id === fact);
  const target = chosen ? { start: chosen.start, end: chosen.end }
    : params.has("start") ? { start: Number(params.get("start")), end: Number(params.get("end")) }
      : null;

  return h("article", { class: "reader" },
    h("h1", {}, article.title || `Article ${article.id}`),
    h("p", { class: "muted" }, byline(article.source, article.published, article.id),
      article.url ? [" · ", h("a", { href: article.url, rel: "noreferrer" }, "original")] : null),
    h("div", { class: "split" },
      h("div", { class: "text", "data-article": article.id },
        markedFacts(article.text, facts, target, fact)),
      h("aside", { class: "fact-list", "aria-label": "Facts in this article" },
        h("h2", {}, `${facts.length} facts`),
        legend(facts),
        h("ol", {}, facts.map((f) => h("li", { class: f.id === fact ? "chosen" : null },
          h("a", { href: articleUrl(article.id, { fact: f.id }), class: `field-${f.field}` },
            f.text),
          h("span", { class: "muted" }, ` ${f.field}/${f.kind}: ${valueText(f)}`)))))));
}

function legend(facts) {
  const fields = [...new Set(facts.map((f) => f.field))].sort();
  return h("p", { class: "legend" }, fields.map((field) =>
    h("mark", { class: `field-${field}` }, field)));
}

/**
 * The text cut at every fact and target boundary; each piece inside a fact becomes a <mark>
 * coloured by the innermost fact's field, each piece inside the target gets class `target`
 * (or `selected` for a chosen fact), so overlapping spans never break the nesting.
 */
function markedFacts(text, facts, target, chosenId) {
  const points = new CodePoints(text);
  const cuts = new Set([0, points.length]);
  for (const f of facts) cuts.add(f.start).add(f.end);
  if (target) cuts.add(target.start).add(target.end);
  const bounds = [...cuts].filter((c) => c >= 0 && c <= points.length).sort((a, b) => a - b);
  const firstMarked = new Set();
  const pieces = [];
  for (let i = 0; i + 1 < bounds.length; i += 1) {
    const [start, end] = [bounds[i], bounds[i + 1]];
    const covering = facts.filter((f) => f.start <= start && end <= f.end);
    const inner = covering.sort((a, b) => (a.end - a.start) - (b.end - b.start))[0];
    const inTarget = target && target.start <= start && end <= target.end;
    const classes = [];
    if (inTarget) classes.push(chosenId ? "selected" : "target");
    if (!inner) {
      pieces.push(classes.length ? h("span", { class: classes.join(" ") },
        points.slice(start, end)) : points.slice(start, end));
      continue;
    }
    classes.unshift(`field-${inner.field}`);
    const ids = covering.map((f) => f.id);
    const anchor = ids.find((factId) => !firstMarked.has(factId));
    ids.forEach((factId) => firstMarked.add(factId));
    pieces.push(h("mark", {
      class: classes.join(" "), id: anchor ? `fact-${anchor}` : null,
      "data-facts": ids.join(" "), "data-start": start, "data-end": end,
      title: covering.map((f) => `${f.field}/${f.kind}: ${valueText(f)}`).join("\n"),
    }, points.slice(start, end)));
  }
  return pieces;
}
