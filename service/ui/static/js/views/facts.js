// Facts: a filtered table of every extracted fact, facet counts to narrow it, each row linked
// to its span in the article.
import { facets, getJSON } from "../api.js";
import { articleUrl, h, valueText, viewUrl } from "../dom.js";

const FILTERS = ["field", "kind", "source", "q"];
const FACETS = ["field", "kind", "source", "published"];

export async function renderFacts(params) {
  const state = Object.fromEntries(FILTERS.map((name) => [name, params.get(name) || ""]));
  // The API filters facts by field, kind, source and words; the date is a facet to read.
  const apiFilters = { field: state.field, kind: state.kind, source: state.source, q: state.q };
  const [page, counted] = await Promise.all([
    getJSON("/facts", { ...apiFilters, limit: 50, cursor: params.get("cursor") }),
    facets("/facts", apiFilters, "facts", FACETS),
  ]);
  const next = page.next_cursor
    ? h("a", { href: viewUrl("facts", { ...state, cursor: page.next_cursor }), rel: "next" },
      "Next page") : null;
  const first = params.get("cursor")
    ? h("a", { href: viewUrl("facts", state) }, "First page") : null;

  return h("div", {},
    h("h1", {}, "Facts"),
    h("form", { class: "filters", action: "/", method: "get" },
      h("input", { type: "hidden", name: "view", value: "facts" }),
      ["field", "kind", "source"].map((name) => state[name]
        ? h("input", { type: "hidden", name, value: state[name] }) : null),
      h("label", {}, "Words ", h("input", { type: "search", name: "q", value: state.q })),
      h("button", { type: "submit" }, "Filter"),
      FILTERS.some((name) => state[name])
        ? h("a", { href: viewUrl("facts", {}) }, "Clear filters") : null),
    h("div", { class: "split facts" },
      h("aside", { class: "facets", "aria-label": "Facet counts" },
        counted.complete ? null : h("p", { class: "muted" }, "Counts over the first facts only."),
        FACETS.map((name) => facetBlock(name, counted.facets[name] || [], state))),
      h("div", {},
        h("p", { class: "summary" }, `${page.total} facts`),
        h("div", { class: "table-wrap" }, h("table", { class: "facts-table" },
          h("thead", {}, h("tr", {}, ["fact", "article", "source", "field", "kind", "text",
            "value", "attributed to"].map((name) => h("th", { scope: "col" }, name)))),
          h("tbody", {}, page.facts.map(row)))),
        h("nav", { class: "pager", "aria-label": "Pages" }, first, next))));
}

function facetBlock(name, counts, state) {
  return h("section", { class: "facet", "data-facet": name },
    h("h2", {}, name),
    h("ul", { class: "counts" }, counts.slice(0, 12).map(({ value, count }) => {
      const label = value === null ? "none" : String(value);
      // Only the API's filters narrow the table; a date is shown, not filtered on.
      const link = name === "published" || value === null ? null
        : viewUrl("facts", { ...state, [name]: value, cursor: null });
      return h("li", { "data-value": label, class: state[name] === label ? "chosen" : null },
        link ? h("a", { href: link }, label) : h("span", {}, label),
        h("span", { class: "count" }, count));
    })));
}

function row(fact) {
  return h("tr", { "data-fact": fact.id },
    h("td", {}, h("a", { href: articleUrl(fact.article_id, { fact: fact.id }) }, `#${fact.id}`)),
    h("td", {}, h("a", { href: articleUrl(fact.article_id) }, fact.article_id)),
    h("td", {}, fact.source || "—"),
    h("td", {}, h("span", { class: `tag field-${fact.field}` }, fact.field)),
    h("td", {}, fact.kind),
    h("td", {}, fact.text),
    h("td", {}, valueText(fact)),
    h("td", {}, fact.attributed_to || ""));
}
