// Picks the view named by the query string of `/` and renders it into <main>.
import { errorBox, h } from "./dom.js";
import { renderArticle } from "./views/article.js";
import { renderAsk } from "./views/ask.js";
import { renderClaims } from "./views/claims.js";
import { renderEvent } from "./views/event.js";
import { renderEvents } from "./views/events.js";
import { renderFacts } from "./views/facts.js";
import { renderOverview } from "./views/overview.js";
import { renderSearch } from "./views/search.js";

const VIEWS = {
  overview: renderOverview,
  search: renderSearch,
  article: renderArticle,
  facts: renderFacts,
  claims: renderClaims,
  events: renderEvents,
  event: renderEvent,
  ask: renderAsk,
};

function currentView(params) {
  const named = params.get("view");
  if (named && VIEWS[named]) return named;
  return params.has("q") ? "search" : "overview";
}

async function start() {
  const params = new URLSearchParams(window.location.search);
  const view = currentView(params);
  for (const link of document.querySelectorAll("nav a[data-view]")) {
    if (link.dataset.view === view) link.setAttribute("aria-current", "page");
  }
  const main = document.getElementById("view");
  main.dataset.view = view;
  try {
    const content = await VIEWS[view](params);
    main.replaceChildren(content);
    document.title = `${main.querySelector("h1")?.textContent || view} · factdesk`;
  } catch (error) {
    main.replaceChildren(h("h1", {}, error.problem?.title || "Something went wrong"),
      errorBox(error));
  }
  main.dataset.ready = "true";
  const target = main.querySelector(".target, .selected");
  if (target) {
    target.scrollIntoView({ block: "center" });
  }
}

start();
