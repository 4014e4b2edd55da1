// Overview: corpus counts, articles per day, top sources, top places, recent ingests.
import { facets, getJSON } from "../api.js";
import { articleUrl, byline, h, s, viewUrl } from "../dom.js";

const RECENT = 8;
const MAX_DAY_BARS = 40;

export async function renderOverview() {
  const [health, fields, places, counted, recent] = await Promise.all([
    getJSON("/health"),
    getJSON("/fields"),
    getJSON("/entities", { type: "place", limit: 10 }),
    facets("/articles", {}, ["published", "published_month", "source"]),
    getJSON("/articles", { sort: "-ingested_at", limit: RECENT }),
  ]);
  const factCount = fields.fields.reduce((sum, field) => sum + field.count, 0);
  const named = (value, none) => ({ value: value ?? none });
  // Days while they fit a glance, else months.
  const days = counted.published;
  const period = days.length <= MAX_DAY_BARS ? "day" : "month";
  const perPeriod = (period === "day" ? days : counted.published_month)
    .map((b) => ({ ...b, ...named(b.value, "undated") }))
    .sort((a, b) => String(a.value).localeCompare(String(b.value)));
  const sources = counted.source.map((b) => ({ ...b, ...named(b.value, "unnamed") }))
    .slice(0, 10);

  return h("div", { class: "overview" },
    h("h1", {}, "Overview"),
    h("ul", { class: "stats", "aria-label": "Corpus counts" },
      stat(health.articles, "articles"), stat(health.passages, "passages"),
      stat(factCount, "facts"), stat(health.index_generation, "index generation")),
    h("div", { class: "grid" },
      h("section", { class: "wide" }, h("h2", {}, `Articles per ${period}`),
        periodChart(perPeriod, period)),
      h("section", {}, h("h2", {}, "Top sources"), countList(sources,
        (value) => value === "unnamed" ? null : viewUrl("facts", { source: value }))),
      h("section", {}, h("h2", {}, "Top places"), countList(
        places.entities.map((place) => ({ value: place.name, count: place.mentions })),
        (value) => viewUrl("search", { q: value }))),
      h("section", {}, h("h2", {}, "Facts by field"), countList(
        fields.fields.map((field) => ({ value: field.field, count: field.count })),
        (value) => viewUrl("facts", { field: value }))),
      h("section", { class: "wide" }, h("h2", {}, "Recently ingested"),
        h("ul", { class: "plain" }, recent.articles.map((article) => h("li", {},
          h("a", { href: articleUrl(article.id) }, article.title || `article ${article.id}`),
          h("span", { class: "muted" }, ` ${byline(article.source, article.published, article.id)}`
            + ` · ingested ${article.ingested_at.slice(0, 16).replace("T", " ")}`)))))));
}

function stat(value, label) {
  return h("li", {}, h("strong", {}, Number(value).toLocaleString("en")), h("span", {}, label));
}

function countList(counts, hrefFor) {
  if (!counts.length) return h("p", { class: "muted" }, "None yet.");
  return h("ol", { class: "counts" }, counts.map(({ value, count }) => {
    const href = hrefFor(value);
    return h("li", {}, href ? h("a", { href }, value) : h("span", {}, value),
      h("span", { class: "count" }, count));
  }));
}

/** Bars of articles per publication day (or month), as inline SVG. */
function periodChart(perDay, period) {
  if (!perDay.length) return h("p", { class: "muted" }, "No articles yet.");
  const width = 640, barHeight = 18, gap = 4, labelWidth = 96;
  const max = Math.max(...perDay.map((d) => d.count));
  const height = perDay.length * (barHeight + gap);
  return h("figure", { class: "chart" }, s("svg", {
    viewBox: `0 0 ${width} ${height}`, role: "img",
    "aria-label": `Articles per ${period}, ${perDay.length} ${period}s`,
  }, perDay.map((day, i) => {
    const y = i * (barHeight + gap);
    const bar = Math.max(2, ((width - labelWidth - 40) * day.count) / max);
    return s("g", { class: "bar" },
      s("title", {}, `${day.value}: ${day.count}`),
      s("text", { x: 0, y: y + barHeight - 5, class: "label" }, String(day.value)),
      s("rect", { x: labelWidth, y, width: bar, height: barHeight }),
      s("text", { x: labelWidth + bar + 4, y: y + barHeight - 5, class: "value" },
        String(day.count)));
  })));
}
