// Search: whole passages with <mark>ed highlights, filters, paging, the spellings searched.
import { facets, getJSON } from "../api.js";
import { articleUrl, byline, errorBox, h, markedText, viewUrl } from "../dom.js";

const FILTERS = ["source", "since", "until"];

export async function renderSearch(params) {
  const q = params.get("q") || "";
  const state = Object.fromEntries(FILTERS.map((name) => [name, params.get(name) || ""]));
  const counted = await facets("/articles", {}, ["source"]);
  const form = searchForm(q, state, counted.source.map((b) => b.value).filter(Boolean));
  if (!q) return h("div", {}, h("h1", {}, "Search"), form);

  let results;
  try {
    results = await getJSON("/search", { q, ...state, limit: 10, cursor: params.get("cursor") });
  } catch (error) {
    return h("div", {}, h("h1", {}, "Search"), form, errorBox(error));
  }
  const variants = results.variants.length
    ? h("p", { class: "variants" }, "Also searched: ",
      results.variants.map((v, i) => [i ? ", " : "", h("q", {}, v)]))
    : null;
  const next = results.next_cursor
    ? h("a", { href: viewUrl("search", { q, ...state, cursor: results.next_cursor }), rel: "next" },
      "Next page")
    : null;
  const first = params.get("cursor")
    ? h("a", { href: viewUrl("search", { q, ...state }) }, "First page") : null;

  return h("div", {},
    h("h1", {}, `Search: ${q}`),
    form,
    h("p", { class: "summary" }, `${results.total} passage${results.total === 1 ? "" : "s"}`),
    variants,
    h("ol", { class: "hits" }, results.hits.map(hit)),
    h("nav", { class: "pager", "aria-label": "Pages" }, first, next));
}

function hit(result) {
  const { passage } = result;
  const href = articleUrl(result.article_id, { start: passage.start, end: passage.end });
  return h("li", { class: "hit", "data-article": result.article_id,
    "data-start": passage.start, "data-end": passage.end },
  h("h2", {}, h("a", { href }, result.title || `article ${result.article_id}`)),
  h("p", { class: "muted" }, byline(result.source, result.published, result.article_id)),
  h("p", { class: "passage" }, markedText(passage.text, passage.start, result.highlights)));
}

function searchForm(q, state, sources) {
  return h("form", { class: "filters", action: "/", method: "get", role: "search" },
    h("label", {}, "Words ", h("input", { type: "search", name: "q", value: q, required: true,
      placeholder: "Tharda, \"air strike\", soldier*" })),
    h("label", {}, "Source ", h("input", { type: "text", name: "source", value: state.source,
      list: "sources" })),
    h("datalist", { id: "sources" }, sources.map((source) => h("option", { value: source }))),
    h("label", {}, "From ", h("input", { type: "date", name: "since", value: state.since })),
    h("label", {}, "To ", h("input", { type: "date", name: "until", value: state.until })),
    h("button", { type: "submit" }, "Search"));
}
