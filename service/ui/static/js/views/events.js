// Events: a map-free list of incidents (type, place, day, figures, how many articles report
// them) with the API's filters and facet counts, each opening its detail view.
import { getJSON } from "../api.js";
import { figureText, h, viewUrl } from "../dom.js";

const FILTERS = ["type", "place", "since", "until", "min_killed", "sort"];
const SORTS = [["-date", "Newest first"], ["date", "Oldest first"], ["-killed", "Most killed"],
  ["killed", "Fewest killed"], ["-articles", "Most reports"]];
const FACETS = ["type", "place", "month"];

export async function renderEvents(params) {
  const state = Object.fromEntries(FILTERS.map((name) => [name, params.get(name) || ""]));
  const page = await getJSON("/events", {
    ...state, limit: 50, cursor: params.get("cursor"), facets: FACETS.join(","),
  });
  const next = page.next_cursor
    ? h("a", { href: viewUrl("events", { ...state, cursor: page.next_cursor }), rel: "next" },
      "Next page") : null;
  const first = params.get("cursor")
    ? h("a", { href: viewUrl("events", state) }, "First page") : null;

  return h("div", {},
    h("h1", {}, "Events"),
    filterForm(state, page.facets.type.map((b) => b.value)),
    h("div", { class: "split facts" },
      h("aside", { class: "facets", "aria-label": "Facet counts" },
        FACETS.map((name) => facetBlock(name, page.facets[name] || [], state))),
      h("div", {},
        h("p", { class: "summary" }, `${page.total} event${page.total === 1 ? "" : "s"}`),
        h("div", { class: "table-wrap" }, h("table", { class: "facts-table events-table" },
          h("thead", {}, h("tr", {}, ["event", "type", "place", "date", "killed", "injured",
            "articles"].map((name) => h("th", { scope: "col" }, name)))),
          h("tbody", {}, page.events.map(row)))),
        h("nav", { class: "pager", "aria-label": "Pages" }, first, next))));
}

function filterForm(state, types) {
  return h("form", { class: "filters", action: "/", method: "get" },
    h("input", { type: "hidden", name: "view", value: "events" }),
    h("label", {}, "Type ", h("select", { name: "type" },
      h("option", { value: "" }, "any"),
      [...new Set([...types, state.type].filter(Boolean))].sort().map((type) =>
        h("option", { value: type, selected: type === state.type }, type)))),
    h("label", {}, "Place ", h("input", { type: "text", name: "place", value: state.place,
      placeholder: "Deir ez-Zor, Chicago, Syria" })),
    h("label", {}, "From ", h("input", { type: "date", name: "since", value: state.since })),
    h("label", {}, "To ", h("input", { type: "date", name: "until", value: state.until })),
    h("label", {}, "Killed at least ", h("input", { type: "number", name: "min_killed",
      min: 0, value: state.min_killed, class: "narrow" })),
    h("label", {}, "Order ", h("select", { name: "sort" }, SORTS.map(([value, label]) =>
      h("option", { value, selected: value === (state.sort || "-date") }, label)))),
    h("button", { type: "submit" }, "Filter"),
    FILTERS.some((name) => state[name])
      ? h("a", { href: viewUrl("events", {}) }, "Clear filters") : null);
}

function facetBlock(name, counts, state) {
  return h("section", { class: "facet", "data-facet": name },
    h("h2", {}, name),
    h("ul", { class: "counts" }, counts.slice(0, 12).map(({ value, count }) => {
      const link = facetLink(name, value, state);
      return h("li", { "data-value": value },
        link ? h("a", { href: link }, value) : h("span", {}, value),
        h("span", { class: "count" }, count));
    })));
}

/** A facet value as a filter: a type or place directly, a month as its first and last day. */
function facetLink(name, value, state) {
  if (name === "month") {
    const [year, month] = value.split("-").map(Number);
    if (!year || !month) return null;
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return viewUrl("events", { ...state, since: `${value}-01`, until: `${value}-${last}` });
  }
  return viewUrl("events", { ...state, [name]: value });
}

/** "Jebel Tharda (near Deir ez-Zor), Syria". */
export function placeText(place) {
  if (!place) return "place unknown";
  const near = place.near ? ` (near ${place.near})` : "";
  return [`${place.name}${near}`, place.region, place.country].filter(Boolean).join(", ");
}

/** An event's figure of one kind, with its range when reports disagree. */
export function figureCell(figure) {
  if (!figure) return "—";
  const range = figure.disputed ? ` (reports ${figure.range_min ?? "?"}–${figure.range_max ?? "?"})`
    : "";
  return [figureText(figure) + range,
    figure.disputed ? h("span", { class: "badge" }, "disputed") : null];
}

function row(event) {
  const href = viewUrl("event", { id: event.id });
  return h("tr", { "data-event": event.id },
    h("td", {}, h("a", { href }, `#${event.id}`)),
    h("td", {}, event.type),
    h("td", {}, placeText(event.place)),
    h("td", {}, event.date || "undated"),
    h("td", { "data-kind": "killed" }, figureCell(event.figures.killed)),
    h("td", { "data-kind": "injured" }, figureCell(event.figures.injured)),
    h("td", {}, event.article_ids.length));
}
