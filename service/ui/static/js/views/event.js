// Event: one incident's figures, the timeline of its reported toll, its claims, participants,
// places and articles; every citation is cut from its article's text by the API's offsets and
// shown with its surroundings, the cited span marked.
import { getJSON } from "../api.js";
import { CodePoints, articleUrl, byline, figureText, h, markedText, viewUrl } from "../dom.js";
import { figureCell, placeText } from "./events.js";

const CONTEXT = 60; // code points shown on each side of a cited span

export async function renderEvent(params) {
  const id = Number(params.get("id"));
  if (!Number.isInteger(id) || id < 1) throw new Error("No event chosen: open one from a list.");
  const event = await getJSON(`/events/${id}`);
  const cited = [...new Set(citations(event).map((c) => c.article_id))];
  const texts = new Map(await Promise.all(cited.map(async (articleId) => {
    const article = await getJSON(`/articles/${articleId}`);
    return [articleId, new CodePoints(article.text)];
  })));
  const quote = (citation) => quoted(texts, citation);
  const kinds = Object.keys(event.figures);

  return h("article", { class: "event", "data-event": event.id },
    h("h1", {}, [event.type, event.place?.name, event.date].filter(Boolean).join(" · ")),
    h("p", { class: "muted" }, placeText(event.place), " · ", event.date || "undated", " · ",
      `${event.article_ids.length} article${event.article_ids.length === 1 ? "" : "s"}`, " · ",
      h("a", { href: viewUrl("events", {}) }, "All events")),
    h("section", { class: "event-figures", "aria-labelledby": "figures" },
      h("h2", { id: "figures" }, "Figures"),
      h("p", { class: "muted" }, "Each is the figure most of the event's articles state "
        + "(ties: the later report), with the range every report gives."),
      h("dl", { class: "figure-list" }, kinds.map((kind) => [
        h("dt", {}, kind),
        h("dd", { "data-kind": kind }, figureCell(event.figures[kind]),
          event.figures[kind] ? h("span", { class: "muted" },
            ` stated in articles ${event.figures[kind].article_ids.join(", ")}`) : null)])),
      event.place?.citation ? h("p", {}, "Place: ", quote(event.place.citation)) : null,
      event.date_citations.length ? h("div", {}, h("h3", {}, "Day"),
        h("ul", { class: "quotes" }, event.date_citations.map((c) => h("li", {}, quote(c)))))
        : null),
    h("section", { class: "timeline", "aria-labelledby": "timeline" },
      h("h2", { id: "timeline" }, "How the reported toll changed"),
      kinds.map((kind) => timeline(kind, event.timeline[kind] || [], quote))),
    h("section", { "aria-labelledby": "claims" },
      h("h2", { id: "claims" }, "Claims"),
      event.claims.length ? null : h("p", { class: "muted" }, "No figures stated."),
      event.claims.map((claim) => claimTable(claim, quote))),
    h("section", { "aria-labelledby": "participants" },
      h("h2", { id: "participants" }, "People"),
      event.participants.length ? null : h("p", { class: "muted" }, "No one named."),
      h("ul", { class: "quotes" }, event.participants.map((p) => h("li", { "data-name": p.name },
        h("strong", {}, p.name), ` ${[p.role || "role unsaid", ...p.status].join(", ")}: `,
        p.citations.map(quote))))),
    h("section", { "aria-labelledby": "places" },
      h("h2", { id: "places" }, "Places named"),
      h("ul", { class: "quotes" }, event.places.map((p) => h("li", {},
        h("strong", {}, p.name), ` ${p.kind}: `, p.citations.map(quote))))),
    h("section", { "aria-labelledby": "articles" },
      h("h2", { id: "articles" }, "Articles"),
      h("ol", { class: "plain" }, event.articles.map((a) => h("li", { "data-article-id": a.id },
        h("a", { href: articleUrl(a.id) }, a.title || `Article ${a.id}`),
        h("span", { class: "muted" }, ` ${byline(a.source, a.published, a.id)}`))))));
}

/** Every cited span of an event detail, wherever it sits. */
export function citations(value) {
  if (Array.isArray(value)) return value.flatMap(citations);
  if (value === null || typeof value !== "object") return [];
  const own = ["article_id", "start", "end", "text"].every((key) => key in value) ? [value] : [];
  return own.concat(Object.values(value).flatMap(citations));
}

function timeline(kind, reports, quote) {
  return h("div", { class: "timeline-kind", "data-kind": kind },
    h("h3", {}, kind),
    reports.length ? h("ol", {}, reports.map((r) => h("li", { "data-stated": r.stated },
      h("strong", {}, figureText(r)), " ",
      h("span", { class: "muted" }, `${r.published || "undated"}, article ${r.article_id}: `),
      quote(r.citation))))
      : h("p", { class: "muted" }, "Not reported."));
}

function claimTable(claim, quote) {
  return h("div", { class: `claim${claim.disputed ? " disputed" : ""}` },
    h("h3", {}, `${claim.kind}: ${claim.subject || "unsaid"}`,
      claim.disputed ? h("span", { class: "badge" }, "disputed") : null),
    h("div", { class: "table-wrap" }, h("table", { class: "figures" },
      h("thead", {}, h("tr", {}, ["figure", "sources", "attributed to", "citations"]
        .map((name) => h("th", { scope: "col" }, name)))),
      h("tbody", {}, claim.values.map((value) => h("tr", {},
        h("td", {}, figureText(value)),
        h("td", {}, value.sources.join(", ")),
        h("td", {}, value.attributed_to.join(", ")),
        h("td", {}, value.citations.map(quote))))))));
}

/** The cited span in its article's text, a little of the text around it, and a link to it. */
function quoted(texts, citation) {
  const { article_id: articleId, start, end } = citation;
  const points = texts.get(articleId);
  // The context ends at a space where there is one, not inside a word.
  let from = Math.max(0, start - CONTEXT);
  const space = points.chars.indexOf(" ", from);
  if (from > 0 && space >= 0 && space < start) from = space + 1;
  let to = Math.min(points.length, end + CONTEXT);
  const last = points.chars.lastIndexOf(" ", to);
  if (to < points.length && last > end) to = last;
  return h("span", { class: "cited", "data-article": articleId },
    from > 0 ? "…" : null,
    markedText(points.slice(from, to), from, [{ start, end }]),
    to < points.length ? "…" : null, " ",
    h("a", { href: articleUrl(articleId, { start, end }), class: "citation" },
      `article ${articleId}`));
}
