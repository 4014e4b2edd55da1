// Facts: a filtered table of every extracted fact, the API's facet counts to narrow it, each row
// linked to its span in the article.
import { facets, getJSON } from "../api.js";
import { articleUrl, h, valueText, viewUrl } from "../dom.js";

// The API filters facts by these facets; the date is a facet to read, not a filter.
const CHOSEN = ["field", "kind", "source"];
const FILTERS = [...CHOSEN, "q"];
const FACETS = [...CHOSEN, "published"];

export async function renderFacts(params) {
  const state = Object.fromEntries(FILTERS.map((name) => [name, params.get(name) || ""]));
  const [page, counted] = await Promise.all([
    getJSON("/facts", { ...state, limit: 50, cursor: params.get("cursor") }),
    facets("/facts", state, FACETS),
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
      CHOSEN.map((name) => state[name]
        ? h("input", { type: "hidden", name, value: state[name] }) : null),
      h("label", {}, "Words ", h("input", { type: "search", name: "q", value: state.q })),
      h("button", { type: "submit" }, "Filter"),
      FILTERS.some((name) => state[name])
        ? h("a", { href: viewUrl("facts", {}) }, "Clear filters") : null),
    chips(state, counted),
    h("div", { class: "split facts" },
      h("aside", { class: "facets", "aria-label": "Facet counts" },
        FACETS.map((name) => facetBlock(name, counted[name] || [], state))),
      h("div", {},
        h("p", { class: "summary" }, `${page.total} facts`),
        h("div", { class: "table-wrap" }, h("table", { class: "facts-table" },
          h("thead", {}, h("tr", {}, ["fact", "article", "source", "field", "kind", "text",
            "value", "attributed to"].map((name) => h("th", { scope: "col" }, name)))),
          h("tbody", {}, page.facts.map(row)))),
        h("nav", { class: "pager", "aria-label": "Pages" }, first, next))));
}

/** The chosen filters as chips, each with its facet count and a link that drops it. */
function chips(state, counted) {
  const chosen = CHOSEN.filter((name) => state[name]);
  if (!chosen.length) return null;
  return h("ul", { class: "chips", "aria-label": "Chosen filters" }, chosen.map((name) => {
    // The API matches a source case-insensitively; its facet names it as stored.
    const same = (value) => name === "source"
      ? String(value).toLowerCase() === state.source.toLowerCase() : value === state[name];
    const bucket = (counted[name] || []).find(({ value }) => value !== null && same(value));
    return h("li", { "data-facet": name, "data-value": state[name] },
      `${name}: ${bucket ? bucket.value : state[name]}`,
      h("span", { class: "count" }, bucket ? bucket.count : 0),
      h("a", {
        href: viewUrl("facts", { ...state, [name]: "" }), "aria-label": `Remove ${name} filter`,
      }, "×"));
  }));
}

function facetBlock(name, counts, state) {
  return h("section", { class: "facet", "data-facet": name },
    h("h2", {}, name),
    h("ul", { class: "counts" }, counts.slice(0, 12).map(({ value, count }) => {
      const label = value === null ? "none" : String(value);
      const link = CHOSEN.includes(name) && value !== null
        ? viewUrl("facts", { ...state, [name]: value }) : null;
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
