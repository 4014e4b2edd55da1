// The API, as the dashboard reads it: same-origin JSON, errors as problem+json.

/** Raised for a non-2xx answer; carries the problem document's detail. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem && problem.detail ? problem.detail : `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/** A query string from an object, leaving out empty values. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** GET a JSON document from the API. */
export async function getJSON(path, params) {
  const response = await fetch(path + query(params), { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

/** Every item of a paged list (`{<key>: [...], next_cursor}`), at most `max` of them. */
export async function collect(path, params, key, max) {
  const items = [];
  let cursor = null;
  do {
    const page = await getJSON(path, { ...params, limit: 100, cursor });
    items.push(...page[key]);
    cursor = page.next_cursor;
  } while (cursor && items.length < max);
  return { items: items.slice(0, max), complete: !cursor || items.length <= max };
}

/** Count items by `pick(item)`, most frequent first (ties by value): `[{value, count}]`. */
function countBy(items, pick) {
  const counts = new Map();
  for (const item of items) {
    const value = pick(item);
    if (value === undefined) continue;
    counts.set(value, (counts.get(value) || 0) + 1);
  }
  return [...counts].map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || String(a.value).localeCompare(String(b.value)));
}

const FACET_SCAN_LIMIT = 5000;

/**
 * Facet counts for a list endpoint: `{facets: {name: [{value, count}]}, complete}`.
 *
 * The one place that knows where facet counts come from: the API's `facets=` when it answers
 * them; until then, counted here over the filtered list (at most FACET_SCAN_LIMIT items).
 */
export async function facets(path, params, key, names) {
  const page = await getJSON(path, { ...params, limit: 1, facets: names.join(",") });
  if (page.facets) return { facets: page.facets, complete: true, total: page.total };
  const { items, complete } = await collect(path, params, key, FACET_SCAN_LIMIT);
  // Facts carry no publication date of their own: it is their article's.
  const byDate = names.some((name) => name.startsWith("published"));
  const dates = byDate && key !== "articles" ? await publishedByArticle() : null;
  const published = (item) => (dates ? dates.get(item.article_id) : item.published) ?? null;
  const pickers = {
    published,
    published_month: (item) => published(item)?.slice(0, 7) ?? null,
  };
  const counted = {};
  for (const name of names) {
    counted[name] = countBy(items, pickers[name] || ((item) => item[name] ?? null));
  }
  return { facets: counted, complete, total: page.total };
}

async function publishedByArticle() {
  const { items } = await collect("/articles", {}, "articles", FACET_SCAN_LIMIT);
  return new Map(items.map((article) => [article.id, article.published]));
}
