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
  return items.slice(0, max);
}

/** Facet counts over every item a list endpoint's filters match: `{name: [{value, count}]}`. */
export async function facets(path, params, names) {
  const page = await getJSON(path, { ...params, limit: 1, facets: names.join(",") });
  return page.facets;
}
